extension ClosedRange where Bound == Int {
    /// `value` held within the range.
    public func clamp(_ value: Int) -> Int { Swift.min(upperBound, Swift.max(lowerBound, value)) }

    /// `value` held within the range.
    public func clamp(_ value: Double) -> Double { Swift.min(Double(upperBound), Swift.max(Double(lowerBound), value)) }
}
