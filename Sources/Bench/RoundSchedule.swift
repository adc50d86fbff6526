/// The order in which competing implementations run, round by round, in a benchmark on a shared
/// machine: every round runs each implementation once, one after the other (A B C, A B C, …),
/// and the first place rotates so each implementation starts a round equally often and no one
/// always runs right after the same neighbour's load.
public struct RoundSchedule: Sendable, Hashable {
    /// How many implementations compete.
    public let participants: Int
    /// How many rounds there are.
    public let rounds: Int

    /// A schedule of `rounds` rounds over `participants` implementations (negative counts are 0).
    public init(participants: Int, rounds: Int) {
        self.participants = Swift.max(0, participants)
        self.rounds = Swift.max(0, rounds)
    }

    /// The implementations (indices from 0) in the order they run in round `round` (from 0).
    public func order(ofRound round: Int) -> [Int] {
        guard participants > 0 else { return [] }
        let start = ((round % participants) + participants) % participants
        return (0..<participants).map { (start + $0) % participants }
    }

    /// Every run of the benchmark in order: the round and the implementation.
    public var runs: [(round: Int, participant: Int)] {
        (0..<rounds).flatMap { round in order(ofRound: round).map { (round, $0) } }
    }
}
