import PoolCore
import Testing

@Suite("A request ends when its last task ends")
struct RequestLedgerTests {
    @Test("latency is reported once, at the last task, from the request's arrival")
    func lastTaskEndsRequest() {
        var ledger = RequestLedger()
        let tag = TaskTag(requestID: 7, fanout: 3, requestArrivalNanos: 1_000)
        ledger.requestArrived(tag)
        #expect(ledger.inService == 1)
        #expect(ledger.taskEnded(tag, succeeded: true, at: 2_000) == nil)
        #expect(ledger.taskEnded(tag, succeeded: true, at: 5_000) == nil)
        #expect(ledger.taskEnded(tag, succeeded: true, at: 4_000) == 3_000)
        #expect(ledger.inService == 0)
        #expect(ledger.completed == 1 && ledger.arrived == 1 && ledger.failed == 0)
    }

    @Test("one failed task fails the request; tasks of no request are ignored")
    func failure() {
        var ledger = RequestLedger()
        let tag = TaskTag(requestID: 1, fanout: 2, requestArrivalNanos: 0)
        #expect(ledger.taskEnded(tag, succeeded: false, at: 10) == nil)
        #expect(ledger.taskEnded(tag, succeeded: true, at: 20) == nil)
        #expect(ledger.failed == 1 && ledger.completed == 0 && ledger.arrived == 1)
        #expect(ledger.taskEnded(.none, succeeded: true, at: 5) == nil)
        #expect(ledger.arrived == 1)
    }

    @Test("totals add up only when every accepted task is accounted for")
    func totals() {
        #expect(TaskTotals(accepted: 10, completed: 4, failed: 1, cancelled: 1, running: 2, queued: 2).addsUp)
        #expect(!TaskTotals(accepted: 10, completed: 4, failed: 1, cancelled: 1, running: 2, queued: 1).addsUp)
    }
}
