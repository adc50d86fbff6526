/// A color reads as `default`, `#rrggbb` (lower-case hex) or `idx196` (a palette index).
extension Color: CustomStringConvertible {
    /// The color in the golden-file notation: `default`, `#rrggbb` or `idx<n>`.
    public var description: String {
        switch self {
        case .default:
            return "default"
        case .indexed(let index):
            return "idx\(index)"
        case .rgb(let red, let green, let blue):
            var text = "#"
            text.reserveCapacity(7)
            for component in [red, green, blue] {
                text.append(Color.hexDigit(component >> 4))
                text.append(Color.hexDigit(component & 0x0F))
            }
            return text
        }
    }

    private static func hexDigit(_ value: UInt8) -> Character {
        let scalar = value < 10 ? 48 + UInt32(value) : 87 + UInt32(value)
        return Character(Unicode.Scalar(scalar)!)
    }
}
