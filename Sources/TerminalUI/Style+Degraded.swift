extension Style {
    /// This style fitted to `depth`: both colors degraded; in monochrome only the attributes remain.
    ///
    /// With 16 colors, two different colors often fall on the same one (a dark grey trough on a
    /// near-black panel both become black): the foreground then takes the nearest other of the 16,
    /// so what was visible stays visible. A blank's foreground shows nothing, so this only matters
    /// for glyphs, and it never applies when either color is the terminal's own.
    public func degraded(to depth: ColorDepth) -> Style {
        var foreground = foreground.degraded(to: depth)
        let background = background.degraded(to: depth)
        if depth == .ansi16, foreground == background, self.foreground != self.background,
           case .indexed(let taken) = background {
            foreground = .indexed(self.foreground.nearestANSIIndex(among: 16, excluding: taken))
        }
        return Style(foreground: foreground, background: background, attributes: attributes)
    }
}
