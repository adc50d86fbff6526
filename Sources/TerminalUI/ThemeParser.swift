/// Reads btop-format theme files: one `theme[key]="value"` a line, `#` comments, blank lines.
///
/// Values are `#RRGGBB`, `#GG` (a grey), `R G B` in decimal, `default` (the terminal's own color)
/// or empty (unset, as if the line were not there). Unknown keys are ignored. A malformed line is
/// reported as a `ThemeProblem` naming the file and line, and parsing goes on as if the line were
/// absent, so the key takes its fallback.
public enum ThemeParser {
    /// The theme in `contents` and the problems found on the way.
    /// - Parameters:
    ///   - contents: the text of the theme file.
    ///   - file: the file name used in problem reports (and, without `.theme`, the default name).
    ///   - name: the theme's name; the file name without `.theme` when `nil`.
    ///   - fallback: the theme that supplies whatever the file does not set.
    public static func parse(
        _ contents: String,
        file: String = "theme",
        name: String? = nil,
        fallback: Theme = .builtin
    ) -> ThemeParseResult {
        let (values, problems) = values(in: contents, file: file)
        let themeName = name ?? (file.hasSuffix(".theme") ? String(file.dropLast(".theme".count)) : file)
        return ThemeParseResult(theme: Theme.resolving(values, name: themeName, over: fallback), problems: problems)
    }

    /// The colors a file sets for known keys (the last line wins), and the problems found.
    static func values(in contents: String, file: String) -> ([String: Color], [ThemeProblem]) {
        var values: [String: Color] = [:]
        var problems: [ThemeProblem] = []
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.first == "#" || line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                continue
            }
            switch parseLine(line) {
            case .failure(let error):
                problems.append(ThemeProblem(file: file, line: lineNumber, message: error.message))
            case .success(let (key, text)):
                guard Theme.knownKeys.contains(key) else { continue }
                if text.isEmpty { values[key] = nil; continue }
                if let color = color(from: text) {
                    values[key] = color
                } else {
                    problems.append(
                        ThemeProblem(file: file, line: lineNumber, message: "bad color \"\(text)\" for key \(key)")
                    )
                }
            }
        }
        return (values, problems)
    }

    /// Splits `theme[key]="value"` (quotes optional, a trailing `# comment` allowed) into key and value.
    private static func parseLine(_ line: Substring) -> Result<(String, String), ThemeLineError> {
        guard let equals = line.firstIndex(of: "=") else {
            return .failure(ThemeLineError("expected theme[key]=\"value\", found no \"=\""))
        }
        let left = trimmed(line[..<equals])
        guard left.hasPrefix("theme["), left.hasSuffix("]"), left.count > 7 else {
            return .failure(ThemeLineError("expected theme[key] before \"=\", found \"\(left)\""))
        }
        let key = String(left.dropFirst(6).dropLast())
        var right = trimmed(line[line.index(after: equals)...])
        var value: Substring
        if right.first == "\"" {
            right = right.dropFirst()
            guard let close = right.firstIndex(of: "\"") else {
                return .failure(ThemeLineError("unterminated quote in value for key \(key)"))
            }
            value = right[..<close]
            let rest = trimmed(right[right.index(after: close)...])
            if !rest.isEmpty && rest.first != "#" {
                return .failure(ThemeLineError("unexpected \"\(rest)\" after the value for key \(key)"))
            }
        } else {
            if let hash = right.dropFirst().firstIndex(of: "#") { right = right[..<hash] }
            value = right
        }
        return .success((key, String(trimmed(value))))
    }

    /// The color a value spells, or `nil` when it spells none.
    static func color(from text: String) -> Color? {
        if text == "default" { return .default }
        if text.first == "#" {
            let digits = Array(text.utf8.dropFirst())
            guard digits.count == 6 || digits.count == 2 else { return nil }
            var components: [UInt8] = []
            var index = 0
            while index < digits.count {
                guard let high = hexValue(digits[index]), let low = hexValue(digits[index + 1]) else { return nil }
                components.append(high << 4 | low)
                index += 2
            }
            return components.count == 1
                ? .rgb(components[0], components[0], components[0])
                : .rgb(components[0], components[1], components[2])
        }
        let parts = text.split(separator: " ")
        guard parts.count == 3 else { return nil }
        let numbers = parts.compactMap { UInt8($0) }
        guard numbers.count == 3 else { return nil }
        return .rgb(numbers[0], numbers[1], numbers[2])
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) })
        else {
            return text[text.startIndex..<text.startIndex]
        }
        return text[first...last]
    }
}

/// Why one theme-file line could not be read.
struct ThemeLineError: Error {
    /// The problem, as it goes into `ThemeProblem.message`.
    let message: String
    init(_ message: String) { self.message = message }
}
