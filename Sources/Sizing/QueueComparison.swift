import PoolCore

/// A model's queue-wait prediction set beside the measured wait, with the difference stated as a
/// ratio: `M/M/4 (Erlang C): P(wait) 64%, wait mean 1.29s p99 6.1s · measured mean 1.31s p99
/// 5.8s: within 10%.`
public struct QueueComparison: Sendable, Hashable {
    /// How far apart (as a ratio) the measured and the model's mean waits may be and still read
    /// as close: 10 %.
    public static let closeTolerance = 0.10
    /// Waits under this share of a task's time count as no queue at all (5 %).
    public static let negligibleShare = 0.05

    /// What the model predicts.
    public var prediction: QueuePrediction
    /// The measured mean queue wait, in seconds.
    public var measuredMeanSeconds: Double
    /// The measured 99th percentile of the queue wait, in seconds, if known.
    public var measuredP99Seconds: Double?
    /// Why the two may differ (an assumption of the model the workload breaks), said after the
    /// ratio when they are not close.
    public var note: String?

    /// The comparison of `prediction` with the measured mean (and p99) queue wait.
    public init(prediction: QueuePrediction, measuredMeanSeconds: Double, measuredP99Seconds: Double? = nil, note: String? = nil) {
        self.prediction = prediction
        self.measuredMeanSeconds = measuredMeanSeconds.isFinite ? max(0, measuredMeanSeconds) : 0
        self.measuredP99Seconds = measuredP99Seconds.flatMap { $0.isFinite ? max(0, $0) : nil }
        self.note = note
    }

    /// The wait below which a wait counts as none: 5 % of the task time (1 µs when unknown).
    private var floor: Double {
        prediction.serviceSeconds > 0 ? QueueComparison.negligibleShare * prediction.serviceSeconds : 1e-6
    }

    /// The measured mean wait over the model's, each raised to the negligible floor first (so a
    /// model that predicts almost no wait still gives a finite ratio); nil when the model is unstable.
    public var ratio: Double? {
        guard let model = prediction.meanWaitSeconds else { return nil }
        return max(measuredMeanSeconds, floor) / max(model, floor)
    }

    /// The comparison in one word.
    public var verdict: QueueVerdict {
        guard let model = prediction.meanWaitSeconds, let ratio else { return .unbounded }
        if model < floor && measuredMeanSeconds < floor { return .negligible }
        if ratio > 1 + QueueComparison.closeTolerance { return .measuredHigher }
        if ratio < 1 / (1 + QueueComparison.closeTolerance) { return .measuredLower }
        return .close
    }

    /// The short form for a dashboard line (about 70 columns):
    /// `M/M/4: mean 1.29s p99 6.1s · measured 1.31s p99 5.8s · within 10%`.
    public var shortText: String {
        let name = prediction.model.shortName
        let measured = "measured " + QueueComparison.seconds(measuredMeanSeconds)
            + (measuredP99Seconds.map { " p99 " + QueueComparison.seconds($0) } ?? "")
        switch verdict {
        case .unbounded:
            return "\(name): ρ = \(QueueComparison.utilisationText(prediction.utilisation)), grows without bound · \(measured)"
        case .negligible:
            return "\(name): \(modelFigures(full: false)) · \(measured) · no real queue"
        case .close:
            return "\(name): \(modelFigures(full: false)) · \(measured) · within 10%"
        case .measuredHigher:
            return "\(name): \(modelFigures(full: false)) · \(measured) · \(QueueComparison.times(ratio ?? 1)) higher"
        case .measuredLower:
            return "\(name): \(modelFigures(full: false)) · \(measured) · \(QueueComparison.times(1 / (ratio ?? 1))) lower"
        }
    }

    /// The full sentence for a report, with the model's name, its figures, the measured ones and
    /// which is higher by how much (and `note` when they are not close).
    public var sentence: String {
        let name = prediction.model.name
        let measured = "measured mean " + QueueComparison.seconds(measuredMeanSeconds)
            + (measuredP99Seconds.map { " p99 " + QueueComparison.seconds($0) } ?? "")
        let why = note.map { " (\($0))" } ?? ""
        let measuredFigures = "mean " + QueueComparison.seconds(measuredMeanSeconds)
            + (measuredP99Seconds.map { ", p99 " + QueueComparison.seconds($0) } ?? "")
        switch verdict {
        case .unbounded:
            return "\(name): the model says the queue grows without bound (ρ = \(QueueComparison.utilisationText(prediction.utilisation))): "
                + "the measured wait (\(measuredFigures)) keeps rising for as long as arrivals go on."
        case .negligible:
            return "\(name): \(modelFigures(full: true)) · \(measured): both under 5% of a task's time, no real queue."
        case .close:
            return "\(name): \(modelFigures(full: true)) · \(measured): within 10%."
        case .measuredHigher:
            return "\(name): \(modelFigures(full: true)) · \(measured): measured \(QueueComparison.times(ratio ?? 1)) the model's mean\(why)."
        case .measuredLower:
            return "\(name): \(modelFigures(full: true)) · \(measured): the model's mean is \(QueueComparison.times(1 / (ratio ?? 1))) the measured\(why)."
        }
    }

    /// `P(wait) 64%, wait mean 1.29s p99 6.1s` (full) or `mean 1.29s p99 6.1s` (short).
    private func modelFigures(full: Bool) -> String {
        let mean = prediction.meanWaitSeconds.map(QueueComparison.seconds) ?? "-"
        let p99 = prediction.p99WaitSeconds.map(QueueComparison.seconds) ?? "-"
        guard full else { return "mean \(mean) p99 \(p99)" }
        let chance = prediction.waitProbability.map { "P(wait) \(Int(($0 * 100).rounded()))%, " } ?? ""
        return chance + "wait mean \(mean) p99 \(p99)"
    }

    /// Seconds as the sweep writes a wait: `1.29s`, `6.1s`, `850us`, `0ns`.
    static func seconds(_ value: Double) -> String {
        let nanos = value.isFinite ? max(0, min(value * 1e9, 1e18)) : 0
        return DurationText.compact(nanoseconds: UInt64(nanos.rounded()))
    }

    /// A ratio to one decimal: `2.1×`.
    static func times(_ value: Double) -> String {
        DurationText.trimmed((value * 10).rounded() / 10) + "×"
    }

    /// ρ to two decimals at most, `-` when unknown.
    static func utilisationText(_ value: Double?) -> String {
        value.map { DurationText.trimmed($0) } ?? "-"
    }
}
