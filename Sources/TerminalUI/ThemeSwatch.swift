/// One line of `pooltop themes`: the name, a swatch of the request palette and slot states, the source.
public struct ThemeSwatch: Widget {
    public let name: String
    public let theme: Theme
    public let source: String

    /// A swatch of `theme`, called `name`, loaded from `source`.
    public init(name: String, theme: Theme, source: String) {
        self.name = name
        self.theme = theme
        self.source = source
    }

    public func render(in area: Rect, buffer: inout CellBuffer) {
        var x = buffer.write(String(name.prefix(16)) + String(repeating: " ", count: max(0, 16 - name.count)), x: area.x, y: area.y,
                             style: theme.style(.text), clip: area)
        for index in 0..<8 {
            x = buffer.write("██", x: x, y: area.y, style: Style(foreground: theme.requestColor(index)), clip: area)
        }
        x = buffer.write(" ", x: x, y: area.y, clip: area)
        let states: [ThemeRole] = [.slotIdle, .slotBusy, .slotLockWait, .slotLockHold, .slotRetiring, .slotStarting, .slotCrashed]
        for role in states {
            x = buffer.write("■", x: x, y: area.y, style: Style(foreground: theme.color(role)), clip: area)
        }
        buffer.write("  " + source, x: x, y: area.y, style: theme.style(.dimText), clip: area)
    }
}
