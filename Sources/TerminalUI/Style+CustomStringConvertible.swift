/// A style reads as `fg=#ff0000 bg=default +bold +reverse`.
extension Style: CustomStringConvertible {
    /// The style in the golden-file notation: foreground, background, then each attribute set.
    public var description: String {
        var text = "fg=\(foreground) bg=\(background)"
        for (attribute, name) in TextAttributes.names where attributes.contains(attribute) {
            text += " +"
            text += name
        }
        return text
    }
}

extension TextAttributes {
    /// Every attribute with its golden-file name, in a fixed order.
    static let names: [(TextAttributes, String)] = [
        (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
    ]
}
