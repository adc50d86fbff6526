/// Something that draws itself into a rectangle of a `CellBuffer`.
///
/// A widget is a pure renderer: the same widget, area and buffer always give the same cells, and it
/// never writes outside `area`. Screens are built by splitting the area with `Layout` and rendering
/// one widget per piece.
public protocol Widget {
    /// Draws the widget into `area` of `buffer`, leaving every cell outside `area` untouched.
    func render(in area: Rect, buffer: inout CellBuffer)
}

extension Widget {
    /// The widget drawn alone into a fresh blank buffer of `width` × `height` cells (for tests and
    /// one-off rendering).
    public func rendered(width: Int, height: Int = 1) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        render(in: buffer.bounds, buffer: &buffer)
        return buffer
    }
}

extension CellBuffer {
    /// Draws `widget` into `area` (the whole buffer when `nil`).
    public mutating func render(_ widget: some Widget, in area: Rect? = nil) {
        widget.render(in: (area ?? bounds).intersection(bounds), buffer: &self)
    }
}
