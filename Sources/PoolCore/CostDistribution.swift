/// How the cost of each task is drawn around the mean of its `TaskSpec`.
public enum CostDistribution: String, Sendable, Codable, CaseIterable, Hashable {
    /// Every task costs exactly the mean.
    case fixed
    /// Uniform between half and one and a half times the mean.
    case uniform
    /// Exponential with the given mean: most tasks short, a long tail.
    case exp
}
