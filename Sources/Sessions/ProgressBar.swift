import Foundation

/// A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal.
public struct ProgressBar: Sendable {
    /// Whether the bar draws at all.
    public let enabled: Bool
    private let width = 30

    /// A bar that draws only when `enabled` (stderr is a terminal).
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Draws the bar at `fraction` (0...1) with a short detail text.
    public func show(_ fraction: Double, detail: String) {
        guard enabled else { return }
        let clamped = min(1, max(0, fraction))
        let filled = Int((clamped * Double(width)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(bar) \(Int(clamped * 100))%  \(detail)".utf8))
    }

    /// Clears the bar's line.
    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
