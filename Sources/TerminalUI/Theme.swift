/// The colors and attributes the dashboard draws with, resolved for every role: nothing is ever
/// missing, whatever the theme file left out.
///
/// Load one with `ThemeParser` or `ThemeCatalog`; `Theme.builtin` is the compiled-in default (the
/// same as `themes/default.theme`) and `Theme.monochrome` the attribute-only theme for `NO_COLOR`
/// and `--color never`. Every style a theme hands out carries the theme background, so text drawn
/// with it never punches a hole in a painted screen.
public struct Theme: Sendable, Hashable {
    /// The theme's name, usually its file name without `.theme`.
    public var name: String
    /// One color per `ThemeRole`, by raw value.
    private var colors: [Color]
    /// One set of attributes per `ThemeRole`, by raw value.
    private var attributes: [TextAttributes]
    /// One gradient per `ThemeGradient`, by raw value.
    private var gradients: [GradientStops]
    /// The colors busy slots take by request (`request_0` … `request_7`), always 8 of them.
    public private(set) var requestPalette: [Color]

    /// The number of colors in the request palette.
    public static let requestPaletteSize = 8

    /// Creates a theme from a complete set of values.
    /// - Parameters:
    ///   - name: the theme's name.
    ///   - colors: a color for every role; a missing role gets `.default`.
    ///   - attributes: attributes for some roles; the others have none.
    ///   - gradients: a gradient for every `ThemeGradient`; a missing one is flat `.default`.
    ///   - requestPalette: the request colors; cut or repeated to exactly 8 (all `.default` when empty).
    public init(
        name: String,
        colors: [ThemeRole: Color],
        attributes: [ThemeRole: TextAttributes] = [:],
        gradients: [ThemeGradient: GradientStops],
        requestPalette: [Color]
    ) {
        self.name = name
        self.colors = ThemeRole.allCases.map { colors[$0] ?? .default }
        self.attributes = ThemeRole.allCases.map { attributes[$0] ?? [] }
        self.gradients = ThemeGradient.allCases.map { gradients[$0] ?? GradientStops(flat: .default) }
        self.requestPalette = (0..<Theme.requestPaletteSize).map { index in
            requestPalette.isEmpty ? .default : requestPalette[index % requestPalette.count]
        }
    }

    // MARK: - Reading

    /// The color of `role`.
    public func color(_ role: ThemeRole) -> Color {
        colors[role.rawValue]
    }

    /// The attributes `role` is drawn with (besides its color).
    public func attributes(_ role: ThemeRole) -> TextAttributes {
        attributes[role.rawValue]
    }

    /// The style to draw `role` with: its color on the theme background, plus its attributes.
    ///
    /// `.background` gives ordinary text on the background (for clearing the screen);
    /// `.selectionBackground` and `.selectionText` both give selected text on the selection
    /// background.
    public func style(_ role: ThemeRole) -> Style {
        let background = colors[ThemeRole.background.rawValue]
        switch role {
        case .background:
            return Style(foreground: color(.text), background: background, attributes: attributes(role))
        case .selectionBackground, .selectionText:
            return Style(
                foreground: color(.selectionText),
                background: color(.selectionBackground),
                attributes: attributes(role)
            )
        default:
            return Style(foreground: color(role), background: background, attributes: attributes(role))
        }
    }

    /// The color of request `index` (any integer; the palette repeats every 8).
    public func requestColor(_ index: Int) -> Color {
        let count = Theme.requestPaletteSize
        return requestPalette[((index % count) + count) % count]
    }

    /// The style of a busy slot serving request `index`: the request color with the busy attributes.
    public func requestStyle(_ index: Int) -> Style {
        Style(foreground: requestColor(index), background: color(.background), attributes: attributes(.slotBusy))
    }

    /// The three stops of `gradient`.
    public func stops(_ gradient: ThemeGradient) -> GradientStops {
        gradients[gradient.rawValue]
    }

    /// The color `fraction` (0…1) of the way along `gradient`.
    public func gradient(_ gradient: ThemeGradient, at fraction: Double) -> Color {
        gradients[gradient.rawValue].color(at: fraction)
    }

    /// A style in the color `fraction` of the way along `gradient`, on the theme background.
    public func gradientStyle(_ gradient: ThemeGradient, at fraction: Double) -> Style {
        Style(foreground: self.gradient(gradient, at: fraction), background: color(.background))
    }
}
