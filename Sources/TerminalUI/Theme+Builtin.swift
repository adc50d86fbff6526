// MARK: - The compiled-in default theme

extension Theme {
    /// The compiled-in dark theme, identical to `themes/default.theme`: what pooltop uses with no
    /// themes folder, and what every theme file falls back to for the keys it does not set.
    public static let builtin: Theme = {
        var values: [String: Color] = [:]
        for (key, hex) in builtinValues {
            values[key] = .rgb(UInt8(hex >> 16), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF))
        }
        let attributes: [ThemeRole: TextAttributes] = [
            .title: .bold, .highlight: .bold, .slotCrashed: .bold, .error: .bold,
        ]
        let base = Theme(name: "default", colors: [:], attributes: attributes, gradients: [:], requestPalette: [])
        return resolving(values, name: "default", over: base)
    }()

    /// Every key of the built-in theme with its color as `0xRRGGBB`; `themes/default.theme` sets the
    /// same values (a test keeps the two in step).
    static let builtinValues: [(String, UInt32)] = [
        // btop keys
        ("main_bg", 0x16171F), ("main_fg", 0xC8CCD8), ("title", 0xECEEF4), ("hi_fg", 0xFF9E64),
        ("selected_bg", 0x2D4F7C), ("selected_fg", 0xFFFFFF), ("inactive_fg", 0x596175),
        ("graph_text", 0x8A93A8), ("meter_bg", 0x2C303D), ("proc_misc", 0x7DCFFF),
        ("cpu_box", 0x4D7CC7), ("mem_box", 0x9A7ECC), ("net_box", 0x3F9E8C), ("proc_box", 0xC7744D),
        ("div_line", 0x33374A),
        ("temp_start", 0x4897D4), ("temp_mid", 0x8C7BE8), ("temp_end", 0xFF5A8C),
        ("cpu_start", 0x5FD38D), ("cpu_mid", 0xE5C95F), ("cpu_end", 0xF05A5A),
        ("free_start", 0x2F4A2A), ("free_mid", 0x8FCB6B), ("free_end", 0xC9F08A),
        ("cached_start", 0x1B3347), ("cached_mid", 0x5EC4E8), ("cached_end", 0x9BE3FF),
        ("available_start", 0x3D3318), ("available_mid", 0xE0B450), ("available_end", 0xFFC940),
        ("used_start", 0x452629), ("used_mid", 0xD9626D), ("used_end", 0xFF4D6A),
        ("download_start", 0x2B2F6B), ("download_mid", 0x5D6BD6), ("download_end", 0xA9B4FF),
        ("upload_start", 0x4D2552), ("upload_mid", 0x9B59A8), ("upload_end", 0xE2A6EC),
        ("process_start", 0x7FD6A0), ("process_mid", 0xDCD179), ("process_end", 0xE06060),
        // pooltop keys
        ("border", 0x4D7CC7),
        ("slot_idle", 0x4A5266), ("slot_busy", 0x7AA2F7), ("slot_lock_wait", 0xE0AF68),
        ("slot_lock_hold", 0xF7768E), ("slot_retiring", 0x9D7CD8), ("slot_starting", 0x73DACA),
        ("slot_crashed", 0xFF3B3B),
        ("request_0", 0x7AA2F7), ("request_1", 0x9ECE6A), ("request_2", 0xE0AF68), ("request_3", 0xBB9AF7),
        ("request_4", 0x7DCFFF), ("request_5", 0xFF9E64), ("request_6", 0xF7768E), ("request_7", 0x2AC3DE),
        ("queue_start", 0x73DACA), ("queue_mid", 0xE0AF68), ("queue_end", 0xF7768E),
        ("lock_start", 0x9ECE6A), ("lock_mid", 0xE0AF68), ("lock_end", 0xFF3B3B),
        ("throughput_start", 0x2AC3DE), ("throughput_mid", 0x7AA2F7), ("throughput_end", 0xBB9AF7),
        ("latency_start", 0x9ECE6A), ("latency_mid", 0xE0AF68), ("latency_end", 0xF7768E),
        ("warning", 0xE0AF68), ("error", 0xFF5F5F), ("ok", 0x9ECE6A),
    ]
}
