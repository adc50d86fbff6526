import Dashboard
import Sessions

extension DashboardMessage {
    /// The overlay's message for an update of the quick sweep.
    public init(_ update: QuickSweep.Update) {
        switch update {
        case .progressed(let fraction, let detail, let caps, let points):
            self = .sweepProgressed(SweepProgress(fraction: fraction, detail: detail, caps: caps, points: points))
        case .finished(let result): self = .sweepFinished(result)
        case .failed(let reason): self = .sweepFailed(reason: reason)
        }
    }
}
