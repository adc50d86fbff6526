// MARK: - Degradation

extension Color {
    /// This color fitted to `depth`.
    ///
    /// - 24-bit: unchanged.
    /// - 256 colors: an RGB color becomes the nearest entry of the xterm 6×6×6 cube or grey ramp.
    /// - 16 colors: RGB and palette colors become the nearest of the 16 ANSI colors.
    /// - Monochrome: every color becomes `.default`.
    public func degraded(to depth: ColorDepth) -> Color {
        switch (depth, self) {
        case (_, .default), (.trueColor, _):
            return self
        case (.monochrome, _):
            return .default
        case (.palette256, .indexed):
            return self
        case (.palette256, .rgb(let red, let green, let blue)):
            return .indexed(Color.nearestPaletteIndex(red: red, green: green, blue: blue))
        case (.ansi16, .indexed(let index)) where index < 16:
            return self
        case (.ansi16, _):
            let (red, green, blue) = rgbComponents
            return .indexed(Color.nearestANSIIndex(red: red, green: green, blue: blue))
        }
    }

    /// The nearest to this color of the first `count` ANSI colors (8 or 16) other than `excluded`,
    /// for a foreground that must stay visible on a background of color `excluded`. A grey stays a
    /// grey (black, white and their bright forms), never the nearest hue (a grey trough would
    /// otherwise turn yellow).
    public func nearestANSIIndex(among count: Int, excluding excluded: UInt8) -> UInt8 {
        let (red, green, blue) = rgbComponents
        let isGrey = Int(max(red, green, blue)) - Int(min(red, green, blue)) < 24
        return Color.nearestANSIIndex(red: red, green: green, blue: blue) { index in
            index < count && index != Int(excluded) && (!isGrey || [0, 7, 8, 15].contains(index))
        }
    }

    /// The red, green and blue components: RGB colors as given, palette colors as xterm shows them,
    /// `.default` as black.
    public var rgbComponents: (red: UInt8, green: UInt8, blue: UInt8) {
        switch self {
        case .default: return (0, 0, 0)
        case .rgb(let red, let green, let blue): return (red, green, blue)
        case .indexed(let index): return Color.xtermComponents(of: index)
        }
    }

    /// The color `fraction` of the way from this color to `other` (0 gives this one, 1 gives `other`).
    ///
    /// The blend is made in RGB; blending with `.default` gives the nearer endpoint unchanged.
    public func blended(with other: Color, fraction: Double) -> Color {
        let t = fraction.isNaN ? 0 : min(1, max(0, fraction))
        if self == .default || other == .default { return t < 0.5 ? self : other }
        let a = rgbComponents, b = other.rgbComponents
        func mix(_ x: UInt8, _ y: UInt8) -> UInt8 {
            UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded())
        }
        return .rgb(mix(a.red, b.red), mix(a.green, b.green), mix(a.blue, b.blue))
    }

    // MARK: - Palettes

    /// The six intensities of each axis of the xterm color cube (indices 16–231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The 16 ANSI colors as xterm draws them by default.
    static let ansiComponents: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The RGB value xterm shows for palette entry `index`.
    static func xtermComponents(of index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        let i = Int(index)
        if i < 16 {
            let c = ansiComponents[i]
            return (c.0, c.1, c.2)
        }
        if i >= 232 {
            let grey = UInt8(8 + 10 * (i - 232))
            return (grey, grey, grey)
        }
        let cube = i - 16
        return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6]))
    }

    /// The xterm palette index (16–255) nearest to an RGB color: the best of the cube and the grey ramp.
    static func nearestPaletteIndex(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let r = Int(red), g = Int(green), b = Int(blue)
        let ri = nearestCubeLevel(r), gi = nearestCubeLevel(g), bi = nearestCubeLevel(b)
        let cubeDistance = distance(r, g, b, cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let average = (r + g + b) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = 8 + 10 * greyStep
        let greyDistance = distance(r, g, b, grey, grey, grey)
        if greyDistance < cubeDistance { return UInt8(232 + greyStep) }
        return UInt8(16 + 36 * ri + 6 * gi + bi)
    }

    /// The ANSI color index (0–15) nearest to an RGB color, among those `allowed` lets through.
    static func nearestANSIIndex(red: UInt8, green: UInt8, blue: UInt8, allowed: (Int) -> Bool = { _ in true }) -> UInt8 {
        var best = 0, bestDistance = Int.max
        for (index, c) in ansiComponents.enumerated() where allowed(index) {
            let d = distance(Int(red), Int(green), Int(blue), Int(c.0), Int(c.1), Int(c.2))
            if d < bestDistance { best = index; bestDistance = d }
        }
        return UInt8(best)
    }

    private static func nearestCubeLevel(_ value: Int) -> Int {
        if value < 48 { return 0 }
        if value < 115 { return 1 }
        return min(5, (value - 35) / 40)
    }

    private static func distance(_ r1: Int, _ g1: Int, _ b1: Int, _ r2: Int, _ g2: Int, _ b2: Int) -> Int {
        let dr = r1 - r2, dg = g1 - g2, db = b1 - b2
        return dr * dr + dg * dg + db * db
    }
}
