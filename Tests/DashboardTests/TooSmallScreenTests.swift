@testable import Dashboard
import PoolCore
import TerminalUI
import Testing

/// Below 80×24 the dashboard says so, and no size at all makes it crash.
@Suite struct TooSmallScreenTests {
    @Test func itNamesTheSizeNeededAndTheSizeGiven() {
        let state = DashboardState(width: 60, height: 15)
        let lines = state.frame().lines
        #expect(lines[6] == "         terminal too small: need 80×24, have 60×15         ")
        #expect(lines[8].trimmingCharacters(in: " ") == "q quits")
    }

    @Test(arguments: [(79, 24), (80, 23)])
    func oneCellShortIsTooSmall(width: Int, height: Int) {
        let text = DashboardState(width: width, height: height).frame().lines.joined()
        #expect(text.contains("have \(width)×\(height)"))
    }

    @Test func everySizeRendersWithoutCrashing() {
        var state = Fixtures.busyState(width: 0, height: 0)
        _ = state.update(.key(.character("?")))
        for width in stride(from: 0, through: 210, by: 7) {
            for height in [0, 1, 2, 5, 23, 24, 25, 31, 44, 60] {
                _ = state.update(.resize(width: width, height: height))
                let buffer = state.frame()
                #expect(buffer.width == width && buffer.height == height)
            }
        }
    }

    @Test func aOneByOneScreenShowsTheStartOfTheMessage() {
        #expect(DashboardState(width: 1, height: 1).frame().lines == ["t"])
        #expect(DashboardState(width: 0, height: 0).frame().lines == [])
    }
}

extension String {
    /// The string without `character` at either end.
    fileprivate func trimmingCharacters(in character: Character) -> Substring {
        var text = Substring(self)
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return text
    }
}
