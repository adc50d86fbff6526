import Testing

@testable import TerminalUI

@Suite("Layout")
struct LayoutTests {
    private let line = Rect(x: 0, y: 0, width: 10, height: 1)

    private func widths(_ total: Int, _ constraints: [Constraint], spacing: Int = 0) -> [Int] {
        Layout.split(
            Rect(x: 0, y: 0, width: total, height: 1),
            direction: .horizontal,
            constraints: constraints,
            spacing: spacing
        )
        .map(\.width)
    }

    @Test func lengthsAndFill() {
        let rects = Layout.split(line, direction: .horizontal, constraints: [.length(3), .fill(1), .length(2)])
        #expect(
            rects == [
                Rect(x: 0, y: 0, width: 3, height: 1),
                Rect(x: 3, y: 0, width: 5, height: 1),
                Rect(x: 8, y: 0, width: 2, height: 1),
            ]
        )
    }

    @Test func percentagesAndWeights() {
        #expect(widths(100, [.percentage(50), .percentage(25), .fill(1)]) == [50, 25, 25])
        #expect(widths(10, [.fill(1), .fill(2)]) == [3, 7])
        #expect(widths(10, [.fill(1), .fill(1), .fill(1)]) == [4, 3, 3])
        #expect(widths(10, [.length(2), .fill(0)]) == [2, 0])
    }

    @Test func minGrowsOnlyWithoutFill() {
        #expect(widths(10, [.min(2), .length(3)]) == [7, 3])
        #expect(widths(10, [.min(2), .fill(1)]) == [2, 8])
        #expect(widths(10, [.length(3)]) == [3])
    }

    @Test func spacingSeparatesPieces() {
        let rects = Layout.split(line, direction: .horizontal, constraints: [.fill(1), .fill(1)], spacing: 2)
        #expect(rects.map(\.x) == [0, 6])
        #expect(rects.map(\.width) == [4, 4])
    }

    @Test func shortSpaceShrinksSpacingThenPieces() {
        #expect(widths(5, [.length(4), .length(4)], spacing: 1) == [3, 2])
        #expect(widths(9, [.length(4), .length(4)], spacing: 3) == [4, 4])
        #expect(widths(0, [.length(4), .fill(1)], spacing: 1) == [0, 0])
    }

    @Test func verticalSplitsKeepTheOrigin() {
        let rects = Layout.split(
            Rect(x: 3, y: 2, width: 7, height: 10),
            direction: .vertical,
            constraints: [.length(1), .fill(1), .length(1)]
        )
        #expect(
            rects == [
                Rect(x: 3, y: 2, width: 7, height: 1),
                Rect(x: 3, y: 3, width: 7, height: 8),
                Rect(x: 3, y: 11, width: 7, height: 1),
            ]
        )
    }

    @Test func piecesNeverLeaveTheRectangle() {
        let sets: [[Constraint]] = [
            [.length(30), .percentage(80), .min(5), .fill(2)],
            [.percentage(100), .percentage(100)],
            [.min(3), .min(3), .min(3)],
            [.fill(1)], [.length(-3), .fill(1)],
        ]
        for total in 0...25 {
            for constraints in sets {
                for spacing in 0...2 {
                    let outer = Rect(x: 4, y: 1, width: total, height: 2)
                    let rects = Layout.split(outer, direction: .horizontal, constraints: constraints, spacing: spacing)
                    #expect(rects.count == constraints.count)
                    var end = outer.x
                    for rect in rects {
                        #expect(rect.x >= end && rect.maxX <= outer.maxX, "total \(total) \(constraints)")
                        end = rect.maxX
                    }
                }
            }
        }
    }

    @Test func centeredRectangles() {
        #expect(
            Layout.centered(width: 4, height: 2, in: Rect(x: 1, y: 1, width: 10, height: 5))
                == Rect(x: 4, y: 2, width: 4, height: 2)
        )
        #expect(
            Layout.centered(width: 40, height: 2, in: Rect(x: 0, y: 0, width: 10, height: 5))
                == Rect(x: 0, y: 1, width: 10, height: 2)
        )
        #expect(Layout.split(line, direction: .horizontal, constraints: []).isEmpty)
    }
}
