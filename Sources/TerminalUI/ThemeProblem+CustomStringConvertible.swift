extension ThemeProblem: CustomStringConvertible {
    /// The problem as compilers print them: `dark.theme:12: bad color "#12345z" for key slot_busy`.
    public var description: String { "\(file):\(line): \(message)" }
}
