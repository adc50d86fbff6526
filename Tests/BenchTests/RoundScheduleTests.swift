import Testing
import Bench

@Suite("Implementations interleave round by round")
struct RoundScheduleTests {
    @Test("every round runs each implementation once, and the first place rotates")
    func rotation() {
        let schedule = RoundSchedule(participants: 3, rounds: 4)
        #expect(schedule.order(ofRound: 0) == [0, 1, 2])
        #expect(schedule.order(ofRound: 1) == [1, 2, 0])
        #expect(schedule.order(ofRound: 2) == [2, 0, 1])
        #expect(schedule.order(ofRound: 3) == [0, 1, 2])
    }

    @Test("the runs list rounds in order, A B A B for two implementations")
    func runs() {
        let runs = RoundSchedule(participants: 2, rounds: 2).runs
        #expect(runs.map(\.round) == [0, 0, 1, 1])
        #expect(runs.map(\.participant) == [0, 1, 1, 0])
    }

    @Test("no implementations or no rounds: nothing runs")
    func empty() {
        #expect(RoundSchedule(participants: 0, rounds: 3).runs.isEmpty)
        #expect(RoundSchedule(participants: 3, rounds: 0).runs.isEmpty)
        #expect(RoundSchedule(participants: 0, rounds: 1).order(ofRound: 0) == [])
    }
}
