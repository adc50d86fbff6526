// MARK: - The attribute-only theme

extension Theme {
    /// The theme for `NO_COLOR` and `--color never`: every color is the terminal default, and the
    /// parts of the screen differ by attributes alone.
    ///
    /// Slot states: idle dim, busy bold, waiting for the lock underlined, holding it reversed,
    /// retiring dim and underlined, starting bold and underlined, crashed reversed and bold.
    public static let monochrome: Theme = {
        let attributes: [ThemeRole: TextAttributes] = [
            .title: .bold, .highlight: [.bold, .underline],
            .selectionBackground: .reverse, .selectionText: .reverse,
            .dimText: .dim, .graphText: .dim, .meterBackground: .dim, .divider: .dim,
            .slotIdle: .dim, .slotBusy: .bold, .slotLockWait: .underline, .slotLockHold: .reverse,
            .slotRetiring: [.dim, .underline], .slotStarting: [.bold, .underline], .slotCrashed: [.reverse, .bold],
            .warning: .bold, .error: [.reverse, .bold],
        ]
        return Theme(name: "monochrome", colors: [:], attributes: attributes, gradients: [:], requestPalette: [])
    }()
}
