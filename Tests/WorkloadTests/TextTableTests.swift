import Testing
import Workload

@Suite("Plain-text tables")
struct TextTableTests {
    @Test("columns align: text on the left, numbers on the right; headings span; no trailing spaces")
    func layout() {
        var table = TextTable(columns: [.init("name", .left), .init("median"), .init("×")])
        table.appendHeading("A  no-op tasks")
        table.append(["  pooltop", "1.50", ""])
        table.append(["  ThreadPoolExecutor", "12.0", "8.00×"])
        #expect(table.lines == [
            "name                  median      ×",
            "-----------------------------------",
            "A  no-op tasks",
            "  pooltop               1.50",
            "  ThreadPoolExecutor    12.0  8.00×",
        ])
    }

    @Test("missing cells are blank and extra cells are dropped")
    func ragged() {
        var table = TextTable(columns: [.init("a", .left), .init("b")])
        table.append(["x"])
        table.append(["y", "1", "dropped"])
        #expect(table.lines == ["a  b", "----", "x", "y  1"])
    }
}
