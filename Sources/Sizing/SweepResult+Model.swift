import PoolCore

extension SweepResult {
    /// The fluid model stands for a burst only while the burst arrives at once or nearly: its
    /// window at most this share (a tenth) of the time the pool takes to drain it at that cap.
    /// Past that the tasks arrive spread out, the first ones finish before the last arrive, and
    /// they wait less than the model says; the sweep then shows no model figure for that cap.
    public static let fluidWindowShare = 0.1

    /// The queueing model's prediction of the queue wait at `point`, or nil when the conditions
    /// give no arrivals, no task time is known, or (for a burst) the burst is too spread out.
    ///
    /// Random arrivals use Erlang C (M/M/c) with λ = the task arrival rate, S = the mean task time
    /// and c = the cap; a burst uses the fluid model with n = the tasks of one burst. S is the
    /// task time measured at that cap (which includes its lock wait and any CPU oversubscription)
    /// and, where none was measured, the tasks' nominal time.
    public func prediction(at point: SweepPoint) -> QueuePrediction? {
        guard let arrivals = conditions.arrivals else { return nil }
        let service = point.meanServiceNanos > 0 ? point.meanServiceNanos / 1e9 : conditions.taskSeconds
        guard service > 0, service.isFinite else { return nil }
        switch arrivals {
        case .poisson(let rate, _):
            return ErlangC(arrivalRate: rate, serviceSeconds: service, servers: point.cap).prediction
        case .burst(let tasks, let window):
            let burst = FluidBurst(tasks: tasks, servers: point.cap, serviceSeconds: service)
            guard tasks > 0, window <= SweepResult.fluidWindowShare * burst.drainSeconds else { return nil }
            return burst.prediction
        }
    }

    /// The model's prediction at `point` beside the queue wait measured there, with a note on the
    /// model's assumption the workload breaks when they differ; nil without a prediction.
    public func modelComparison(at point: SweepPoint) -> QueueComparison? {
        guard let prediction = prediction(at: point) else { return nil }
        var comparison = QueueComparison(prediction: prediction, measuredMeanSeconds: point.meanQueueWaitNanos / 1e9,
                                         measuredP99Seconds: Double(point.queueWaitP99Nanos) / 1e9)
        comparison.note = note(for: comparison)
        return comparison
    }

    /// Which of the model's assumptions the workload breaks, in the direction the measurement
    /// went: fixed-length tasks queue less than exponential ones (M/D/c waits about half as long
    /// as M/M/c); a request's tasks arriving together queue more than tasks arriving one by one;
    /// a burst spread over a window queues less than one arriving at once.
    private func note(for comparison: QueueComparison) -> String? {
        switch (comparison.prediction.model, comparison.verdict, conditions.arrivals) {
        case (.erlangC, .measuredLower, _) where conditions.fixedTaskTimes:
            return "the model assumes exponential task times; these tasks are fixed-length, and fixed-length tasks wait about half as long"
        case (.erlangC, .measuredHigher, .poisson(_, let group)?) where group > 1:
            return "the model assumes tasks arrive one at a time; here each request brings its \(group) tasks at once"
        case (.erlangC, .measuredHigher, _) where !conditions.fixedTaskTimes:
            return "the model assumes exponential task times; a long tail of slow tasks makes the queue wait longer"
        case (.fluidBurst, .measuredLower, .burst(_, let window)?) where window > 0:
            return "the burst arrived over \(DurationText.format(nanoseconds: UInt64(window * 1e9))), not all at once"
        case (.fluidBurst, .measuredHigher, _):
            return "the model counts only the tasks' own time; starting workers, scheduling and other load on the machine add to the wait"
        default:
            return nil
        }
    }

    /// How the model compared with the measurements over the whole sweep, in a sentence; nil when
    /// the conditions give no model.
    public var modelSummary: String? {
        guard let arrivals = conditions.arrivals else { return nil }
        let compared = points.compactMap { point in modelComparison(at: point).map { (cap: point.cap, comparison: $0) } }
        let model: String
        switch arrivals {
        case .poisson(let rate, _):
            model = "Erlang C (M/M/c with λ = \(SweepText.rate(rate)) tasks/s, S = the measured task time, c = the cap)"
        case .burst(let tasks, let window):
            guard !compared.isEmpty else {
                return "Queueing model: none; the burst arrives over \(DurationText.format(nanoseconds: UInt64(window * 1e9))), too spread out for the fluid model "
                    + "(it holds while the window is under a tenth of the time to drain the burst)."
            }
            model = "the fluid burst model (\(GroupedNumber.text(tasks)) tasks at once, S = the measured task time, c = the cap)"
        }
        guard !compared.isEmpty else { return nil }
        let stable = compared.filter { $0.comparison.verdict != .unbounded }
        let unbounded = compared.filter { $0.comparison.verdict == .unbounded }.map(\.cap)
        var parts: [String] = []
        if !stable.isEmpty {
            let close = stable.filter { [.close, .negligible].contains($0.comparison.verdict) }.count
            var text = "the measured mean queue wait was within 10% of the model's at \(close) of \(stable.count) caps"
            let apart = stable.filter { [.measuredHigher, .measuredLower].contains($0.comparison.verdict) }
            func spread(_ ratio: Double?) -> Double { guard let ratio, ratio > 0 else { return 1 }; return max(ratio, 1 / ratio) }
            if let widest = apart.max(by: { spread($0.comparison.ratio) < spread($1.comparison.ratio) }), let ratio = widest.comparison.ratio {
                let how = ratio > 1
                    ? "measured \(QueueComparison.times(ratio)) the model's mean"
                    : "the model's mean is \(QueueComparison.times(1 / ratio)) the measured"
                text += "; the widest gap is at cap \(widest.cap), \(how)" + (widest.comparison.note.map { " (\($0))" } ?? "")
            }
            parts.append(text)
        }
        if !unbounded.isEmpty {
            let caps = unbounded.map(String.init).joined(separator: ", ")
            parts.append("at cap\(unbounded.count == 1 ? "" : "s") \(caps) the model says the queue grows without bound (ρ ≥ 1)")
        }
        return "Queueing model, " + model + ": " + parts.joined(separator: "; ") + "."
    }
}
