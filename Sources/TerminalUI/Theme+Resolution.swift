// MARK: - From theme-file values to a complete theme

extension Theme {
    /// The key of request color `index` (`request_0` … `request_7`).
    static func requestKey(_ index: Int) -> String { "request_\(index)" }

    /// The keys each request color falls back to when a file does not set it: btop colors that tend
    /// to differ from each other in every btop theme.
    static let requestFallbackKeys: [String] = [
        "cpu_start", "cached_mid", "available_mid", "used_mid", "temp_end", "download_mid", "upload_end", "free_mid",
    ]

    /// Every key a theme file may set; all others are ignored.
    static let knownKeys: Set<String> = {
        var keys = Set(ThemeRole.allCases.map(\.key))
        for gradient in ThemeGradient.allCases {
            for stop in ["_start", "_mid", "_end"] { keys.insert(gradient.prefix + stop) }
        }
        for index in 0..<requestPaletteSize { keys.insert(requestKey(index)) }
        return keys
    }()

    /// The theme a file's `values` describe, with everything they leave out taken from related keys
    /// and then from `fallback`.
    ///
    /// A role missing from `values` tries its `fallbackKeys` in order (each of which may fall back in
    /// turn); a gradient missing its `_mid` blends `_start` and `_end`, one missing its `_end` is flat,
    /// and one missing entirely tries its related gradient, then a flat `main_fg`. Attributes always
    /// come from `fallback`, since theme files set colors only.
    static func resolving(_ values: [String: Color], name: String, over fallback: Theme) -> Theme {
        let resolver = Resolver(values: values)
        var colors: [ThemeRole: Color] = [:], attributes: [ThemeRole: TextAttributes] = [:]
        for role in ThemeRole.allCases {
            colors[role] = resolver.color(forKey: role.key) ?? fallback.color(role)
            attributes[role] = fallback.attributes(role)
        }
        var gradients: [ThemeGradient: GradientStops] = [:]
        for gradient in ThemeGradient.allCases {
            gradients[gradient] = resolver.stops(gradient) ?? fallback.stops(gradient)
        }
        let palette = (0..<requestPaletteSize).map { index in
            resolver.color(forKey: requestKey(index)) ?? fallback.requestColor(index)
        }
        return Theme(name: name, colors: colors, attributes: attributes, gradients: gradients, requestPalette: palette)
    }

    /// Answers "what does the file say about this key", following fallbacks within the file only.
    private struct Resolver {
        let values: [String: Color]

        func color(forKey key: String) -> Color? {
            if let value = values[key] { return value }
            for suffix in ["_start", "_mid", "_end"] where key.hasSuffix(suffix) {
                let prefix = String(key.dropLast(suffix.count))
                if let gradient = ThemeGradient(prefix: prefix), let stops = stops(gradient) {
                    switch suffix {
                    case "_start": return stops.start
                    case "_mid": return stops.mid
                    default: return stops.end
                    }
                }
            }
            if let role = ThemeRole(key: key) {
                for fallback in role.fallbackKeys {
                    if let value = color(forKey: fallback) { return value }
                }
            }
            if key.hasPrefix("request_"), let index = Int(key.dropFirst("request_".count)),
                index >= 0, index < Theme.requestFallbackKeys.count
            {
                return color(forKey: Theme.requestFallbackKeys[index])
            }
            return nil
        }

        func stops(_ gradient: ThemeGradient) -> GradientStops? {
            let prefix = gradient.prefix
            let given = (values[prefix + "_start"], values[prefix + "_mid"], values[prefix + "_end"])
            if let start = given.0 ?? given.1 ?? given.2 {
                let end = given.2 ?? start
                return GradientStops(start: start, mid: given.1 ?? start.blended(with: end, fraction: 0.5), end: end)
            }
            if let related = gradient.related, let stops = stops(related) { return stops }
            if let flatKey = gradient.flatKey, let color = color(forKey: flatKey) { return GradientStops(flat: color) }
            return nil
        }
    }
}
