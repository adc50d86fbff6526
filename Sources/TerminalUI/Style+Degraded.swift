extension Style {
    /// This style fitted to `depth`: both colors degraded; in monochrome only the attributes remain.
    public func degraded(to depth: ColorDepth) -> Style {
        Style(
            foreground: foreground.degraded(to: depth),
            background: background.degraded(to: depth),
            attributes: attributes
        )
    }
}
