import CPoolSupport
import Glibc
import PoolCore

extension WorkerPool {
    /// The longest a dispatcher round waits for more reports to arrive before it books them.
    static let dispatcherMaxPauseNanos: UInt64 = 2_000_000
    /// How long the dispatcher thread stays with no slot before it ends.
    static let dispatcherIdleMillis: Int32 = 100

    /// Hands `slot`, whose worker has a full pipeline (and no report read but not yet booked), to
    /// the dispatcher thread, starting it if it does not run, and waits until the slot comes back:
    /// drained, failed (booked here as the worker's death), or with its worker's output ended (read
    /// here to the end, which says how). Called with the queue lock held, released while waiting.
    /// - Returns: false when the dispatcher could not take it; the caller awaits the report itself.
    func park(_ slot: inout ProcessSlot) -> Bool {
        guard let dispatcher = processes?.dispatcher, let child = slot.child, !child.hasUnreadOutput,
              dispatcher.watch(child.output, slot: slot.index) else { return false }
        if !dispatcher.threadRunning {
            guard ThreadLauncher.start(stackBytes: Self.workerStackBytes, { self.dispatchLoop(dispatcher) }) else {
                dispatcher.unwatch(child.output)
                return false
            }
            dispatcher.threadRunning = true
        }
        dispatcher.incoming.append(slot)
        dispatcher.handOvers += 1
        let wakeup = dispatcher.wakeup(for: slot.index)
        var back = dispatcher.handedBack.removeValue(forKey: slot.index)
        while back == nil {
            queueLock.withoutLock { wakeup.wait() }  // the signal waits for it if it comes first
            back = dispatcher.handedBack.removeValue(forKey: slot.index)
        }
        guard let back else { return true }
        slot = back.slot
        if let failure = back.failure {
            bookCrash(in: &slot, error: failure, lost: slot.inFlight.map(\.job))
        } else if back.ended, !slot.inFlight.isEmpty {
            // Its output ended: read to the end here to find out how (parking again would only
            // bring it straight back).
            awaitReport(in: &slot, child: child)
        }
        return true
    }

    /// The dispatcher thread: waits for the outputs of the workers it feeds (epoll), then pauses up
    /// to a quarter of a task's time (at most `dispatcherMaxPauseNanos`) so that one wake-up books
    /// many reports; books them under one hold of the queue lock, sends each worker its next order
    /// ahead, and hands back the slots with nothing more to send. A worker never starves meanwhile:
    /// it runs the order it was sent ahead while its report waits. Ends after
    /// `dispatcherIdleMillis` with no slot.
    func dispatchLoop(_ dispatcher: ProcessDispatcher) {
        pooltop_thread_set_name("pooltop-dispatch")
        var owned: [Int: ProcessSlot] = [:]
        var ready = [UInt64](repeating: 0, count: 64)
        var taskNanos = 0.0
        while true {
            let count = Int(pooltop_epoll_wait(dispatcher.epoll, &ready, Int32(ready.count), owned.isEmpty ? Self.dispatcherIdleMillis : -1))
            guard takeIncoming(dispatcher, into: &owned, anyReady: count > 0) else { return }
            let arrivals = readArrivals(on: ready.prefix(max(0, count)), of: owned)
            let round = bookArrivals(arrivals, of: &owned, dispatcher: dispatcher, taskNanos: &taskNanos)
            send(round, from: &owned, dispatcher: dispatcher)
            if !owned.isEmpty, taskNanos > 0 {
                MonotonicClock.sleep(until: MonotonicClock.now() &+ min(Self.dispatcherMaxPauseNanos, UInt64(taskNanos / 4)))
            }
        }
    }

    /// Takes the slots handed over since the last round.
    /// - Returns: false when the thread ends: it has no slot and no output was ready.
    private func takeIncoming(_ dispatcher: ProcessDispatcher, into owned: inout [Int: ProcessSlot], anyReady: Bool) -> Bool {
        queueLock.withLock {
            for slot in dispatcher.incoming { owned[slot.index] = slot }
            dispatcher.incoming.removeAll(keepingCapacity: true)
            guard owned.isEmpty, !anyReady else { return true }
            dispatcher.threadRunning = false
            return false
        }
    }

    /// Reads what has arrived on the outputs epoll found ready (their slot indexes), without
    /// blocking and without the queue lock.
    private func readArrivals(on ready: ArraySlice<UInt64>, of owned: [Int: ProcessSlot]) -> [ProcessDispatcher.Arrival] {
        var arrivals: [ProcessDispatcher.Arrival] = []
        for index in ready.map({ Int($0) }) {
            guard let slot = owned[index], let child = slot.child else { continue }
            do throws(ChildWorkerError) {
                let arrived = try child.arrivedReports(for: slot.inFlight.lazy.map(\.orderID))
                arrivals.append(ProcessDispatcher.Arrival(index: index, reports: arrived.reports, ended: arrived.ended))
            } catch {
                arrivals.append(ProcessDispatcher.Arrival(index: index, reports: [], ended: true, failure: error))
            }
        }
        return arrivals
    }

    /// Books `arrivals` under one hold of the queue lock (`taskNanos` follows the tasks' wall
    /// times), picks each worker's next orders, and hands back the slots with nothing more to send;
    /// a slot with an order to send goes back only once it is sent (its pool thread writes its own
    /// next orders).
    /// - Returns: the orders to send and what booking left for after the lock.
    private func bookArrivals(_ arrivals: [ProcessDispatcher.Arrival], of owned: inout [Int: ProcessSlot],
                              dispatcher: ProcessDispatcher, taskNanos: inout Double) -> ProcessDispatcher.Round {
        var round = ProcessDispatcher.Round()
        queueLock.lock()
        defer { queueLock.unlock() }
        let now = MonotonicClock.now()
        for arrival in arrivals {
            guard var slot = owned[arrival.index], let child = slot.child else { continue }
            for report in arrival.reports {
                book(report, in: &slot, later: &round.later)
                if report.status == .completed, report.endedAt > report.startedAt {
                    let nanos = Double(report.endedAt - report.startedAt)
                    taskNanos = taskNanos == 0 ? nanos : taskNanos * 0.9 + nanos * 0.1
                }
            }
            if !arrival.ended {
                // A worker that answered every order gets its next task (if it goes alone), and
                // one running a task gets the next one ahead.
                if slot.inFlight.isEmpty, let first = state.nextAlone(forWorkerIn: slot.index, now: now) {
                    round.orders.append((slot.index, child, appendOrder(for: first, in: &slot)))
                }
                if slot.inFlight.count == Self.ordersAhead, let next = state.prefetch(forWorkerIn: slot.index) {
                    round.orders.append((slot.index, child, appendOrder(for: next, in: &slot)))
                }
            }
            owned[arrival.index] = slot
            guard arrival.ended || slot.inFlight.count <= Self.ordersAhead else { continue }
            if round.orders.last?.index == arrival.index {
                round.handBackAfterSending.insert(arrival.index)
            } else {
                dispatcher.unwatch(child.output)
                dispatcher.handBack(slot, ended: arrival.ended, failure: arrival.failure)
                owned[arrival.index] = nil
            }
        }
        return round
    }

    /// Sends `round`'s orders (without the queue lock), runs what booking left for after it, and
    /// hands back the slots that waited for their orders and those whose order could not be sent.
    private func send(_ round: ProcessDispatcher.Round, from owned: inout [Int: ProcessSlot], dispatcher: ProcessDispatcher) {
        var failures: [Int: ChildWorkerError] = [:]
        for sending in round.orders where failures[sending.index] == nil {
            do throws(ChildWorkerError) {
                try sending.child.start(sending.order)
            } catch {
                failures[sending.index] = error
            }
        }
        for action in round.later { action() }
        guard !failures.isEmpty || !round.handBackAfterSending.isEmpty else { return }
        queueLock.withLock {
            for index in round.handBackAfterSending.union(failures.keys) {
                guard let slot = owned.removeValue(forKey: index) else { continue }
                if let child = slot.child { dispatcher.unwatch(child.output) }
                dispatcher.handBack(slot, failure: failures[index])
            }
        }
    }
}
