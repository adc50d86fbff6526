/// The three colors of a gradient: low values take `start`, the middle `mid`, high values `end`.
public struct GradientStops: Sendable, Hashable {
    /// The color at 0.
    public var start: Color
    /// The color at 0.5.
    public var mid: Color
    /// The color at 1.
    public var end: Color

    /// Creates a gradient from three stops.
    public init(start: Color, mid: Color, end: Color) {
        self.start = start
        self.mid = mid
        self.end = end
    }

    /// A gradient of one color.
    public init(flat color: Color) {
        self.init(start: color, mid: color, end: color)
    }

    /// The color at `fraction` (clamped to 0…1): blended from start to mid, then from mid to end.
    public func color(at fraction: Double) -> Color {
        let t = fraction.isNaN ? 0 : min(1, max(0, fraction))
        return t < 0.5 ? start.blended(with: mid, fraction: t * 2) : mid.blended(with: end, fraction: (t - 0.5) * 2)
    }
}
