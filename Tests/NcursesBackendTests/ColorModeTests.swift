import Testing
import TerminalUI
@testable import NcursesBackend

struct ColorModeTests {
    @Test(arguments: [
        (ColorMode.auto, 256, String?.none, ColorDepth.palette256),
        (.auto, 16, nil, .ansi16),
        (.auto, 8, nil, .ansi16),
        (.auto, 0, nil, .monochrome),
        (.auto, -1, nil, .monochrome),
        (.auto, 256, "1", .monochrome),
        (.auto, 256, "", .palette256),
        (.always, 256, "1", .palette256),
        (.always, 0, nil, .monochrome),
        (.never, 256, nil, .monochrome),
    ])
    func depth(mode: ColorMode, colors: Int, noColor: String?, expected: ColorDepth) {
        #expect(mode.colorDepth(terminalColors: colors, noColor: noColor) == expected)
    }
}
