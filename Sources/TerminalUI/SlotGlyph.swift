/// How one worker slot is drawn in a `SlotGrid`: its character, its style, and whether it counts as
/// busy when slots are folded into a heat strip.
public struct SlotGlyph: Sendable, Hashable {
    /// The character shown in the slot's cell.
    public var character: Character
    /// The style of the slot's cell.
    public var style: Style
    /// True when the slot is doing work; sets the shade of the heat strip.
    public var isBusy: Bool

    /// Creates a slot glyph.
    public init(_ character: Character, style: Style = .plain, isBusy: Bool = false) {
        self.character = character
        self.style = style
        self.isBusy = isBusy
    }
}
