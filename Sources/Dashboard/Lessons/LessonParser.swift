import PoolCore
import TerminalUI
import Yams

/// Reads a `*.lesson` file (YAML) into a `Lesson`, or says which line is wrong and why.
///
/// ```yaml
/// title: Processes suit CPU work
/// summary: CPU work in threads under the GIL, then the same work in processes.
/// scenario: --task cpu:4ms --cap 4 --arrival poisson:700 --gil
/// steps:
///   - say: Four threads share one interpreter lock.
///     look: throughput
///     check: { figure: throughput, above: 100, says: "{now} with one thread computing at a time" }
///   - say: Switch to processes.
///     key: m
///     check: { figure: throughput, rises: 40%, settle: 3s }
/// ```
public enum LessonParser {
    /// The keys a lesson step may not ask for: they are the lesson's own (or leave it).
    static let reservedKeys: Set<Key> = [.character("n"), .character("p"), .character("L"), .character("q"), .enter, .escape]

    /// Parses `text`, the contents of the file at `path`; `name` defaults to the file's name.
    public static func parse(_ text: String, path: String, name: String? = nil) throws(LessonProblem) -> Lesson {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw LessonProblem(path: path, line: Self.line(of: error), message: Self.reason(of: error))
        } catch {
            throw LessonProblem(path: path, line: 0, message: "\(error)")
        }
        guard let root = node?.mapping else {
            throw LessonProblem(path: path, line: node?.mark?.line ?? 0, message: "a lesson is a mapping with title, scenario and steps")
        }
        let reader = Reader(path: path)
        let fields = try reader.fields(of: root, allowed: ["title", "summary", "order", "scenario", "steps"], at: node)
        let title = try reader.string(fields["title"], named: "title", in: node)
        var summary = "", scenario: [String] = []
        if let summaryNode = fields["summary"] { summary = try reader.string(summaryNode, named: "summary", in: node) }
        if let scenarioNode = fields["scenario"] { scenario = try reader.words(scenarioNode) }
        var order = 0
        if let orderNode = fields["order"] {
            guard let value = orderNode.int else { throw reader.problem(orderNode, "order takes a whole number") }
            order = value
        }
        guard let stepsNode = fields["steps"] else { throw reader.problem(node, "missing steps: a list of what to say and do") }
        guard let sequence = stepsNode.sequence, !sequence.isEmpty else { throw reader.problem(stepsNode, "steps must be a list of at least one step") }
        var steps: [LessonStep] = []
        for step in sequence { steps.append(try reader.step(step)) }
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let lessonName = name ?? (fileName.hasSuffix(".lesson") ? String(fileName.dropLast(7)) : fileName)
        return Lesson(name: lessonName, title: title, summary: summary, scenario: scenario, steps: steps, path: path, order: order,
                      scenarioLine: fields["scenario"]?.mark?.line ?? 0)
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    private static func reason(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return "not valid YAML: " + problem + (context.map { " \($0.text)" } ?? "")
        case .duplicatedKeysInMapping(let duplicates, _):
            return "a key appears twice: " + duplicates.joined(separator: ", ")
        default:
            return "not valid YAML: \(error)"
        }
    }

    /// Reads nodes, turning every surprise into a problem at the node's line.
    private struct Reader {
        var path: String

        func problem(_ node: Node?, _ message: String) -> LessonProblem {
            LessonProblem(path: path, line: node?.mark?.line ?? 0, message: message)
        }

        func fields(of mapping: Node.Mapping, allowed: [String], at node: Node?) throws(LessonProblem) -> [String: Node] {
            var fields: [String: Node] = [:]
            for (key, value) in mapping {
                guard let name = key.string, allowed.contains(name) else {
                    throw problem(key, "unknown key \"\(key.string ?? "?")\"; a \(allowed.contains("say") ? "step" : allowed.contains("figure") ? "check" : "lesson") takes \(allowed.joined(separator: ", "))")
                }
                fields[name] = value
            }
            return fields
        }

        func string(_ node: Node?, named name: String, in parent: Node?) throws(LessonProblem) -> String {
            guard let node else { throw problem(parent, "missing \(name)") }
            let text = Substring(node.scalar?.string ?? "").drop(while: \.isWhitespace)
            let trimmed = String(text.reversed().drop(while: \.isWhitespace).reversed())
            guard !trimmed.isEmpty else { throw problem(node, "\(name) must be text") }
            return trimmed
        }

        func words(_ node: Node) throws(LessonProblem) -> [String] {
            if let text = node.scalar?.string { return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }
            if let list = node.sequence {
                var words: [String] = []
                for item in list {
                    guard let word = item.scalar?.string else { throw problem(item, "scenario options must be text") }
                    words.append(word)
                }
                return words
            }
            throw problem(node, "scenario must be the command line's options, e.g. \"--task cpu:4ms --cap 4\"")
        }

        func step(_ node: Node) throws(LessonProblem) -> LessonStep {
            guard let mapping = node.mapping else { throw problem(node, "a step is a mapping: say, key, look, check") }
            let fields = try fields(of: mapping, allowed: ["say", "key", "look", "check"], at: node)
            let say = try string(fields["say"], named: "say", in: node)
            var key: Key?, keyName: String?
            if let keyNode = fields["key"] {
                let name = try string(keyNode, named: "key", in: node)
                if name != "watch" {
                    key = try self.key(name, at: keyNode)
                    keyName = name
                }
            }
            var look: LessonPanel?
            if let lookNode = fields["look"] {
                let name = try string(lookNode, named: "look", in: node)
                guard let panel = LessonPanel(rawValue: name) else {
                    throw problem(lookNode, "unknown panel \"\(name)\"; look takes " + LessonPanel.allCases.map(\.rawValue).joined(separator: ", "))
                }
                look = panel
            }
            var check: LessonCheck?
            if let checkNode = fields["check"] { check = try self.check(checkNode) }
            return LessonStep(say: say, key: key, keyName: keyName, look: look, check: check, line: node.mark?.line ?? 0)
        }

        func key(_ name: String, at node: Node) throws(LessonProblem) -> Key {
            let key: Key
            switch name {
            case "space": key = .character(" ")
            case "enter": key = .enter
            case "tab": key = .tab
            default:
                guard name.count == 1, let character = name.first else {
                    throw problem(node, "key \"\(name)\" is not a key: one character, space, or watch")
                }
                key = .character(character)
            }
            guard !LessonParser.reservedKeys.contains(key) else {
                throw problem(node, "key \"\(name)\" belongs to the lesson itself (n, p, Enter, L, q); a step cannot ask for it")
            }
            guard KeyBindings.standard.rows.contains(where: { $0.actions[key] != nil }) else {
                throw problem(node, "key \"\(name)\" does nothing on the dashboard (? lists the keys)")
            }
            return key
        }

        func check(_ node: Node) throws(LessonProblem) -> LessonCheck {
            guard let mapping = node.mapping else { throw problem(node, "a check is a mapping: figure, a condition, settle, says") }
            let conditions = ["above", "below", "equals", "rises", "falls", "unchanged"]
            let fields = try fields(of: mapping, allowed: ["figure", "settle", "says"] + conditions, at: node)
            let figureName = try string(fields["figure"], named: "figure", in: node)
            guard let figure = LessonFigure(rawValue: figureName) else {
                throw problem(fields["figure"], "unknown figure \"\(figureName)\"; a check reads " + LessonFigure.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let given = conditions.filter { fields[$0] != nil }
            guard given.count == 1, let name = given.first, let valueNode = fields[name] else {
                throw problem(node, "a check needs exactly one of " + conditions.joined(separator: ", "))
            }
            let condition: LessonCondition
            switch name {
            case "unchanged":
                guard valueNode.bool == true else { throw problem(valueNode, "unchanged takes true") }
                condition = .unchanged
            case "rises", "falls":
                let fraction = try self.fraction(valueNode)
                condition = name == "rises" ? .rises(fraction) : .falls(fraction)
            default:
                guard let value = valueNode.float ?? valueNode.int.map(Double.init) else { throw problem(valueNode, "\(name) takes a number") }
                condition = name == "above" ? .above(value) : name == "below" ? .below(value) : .equals(value)
            }
            var settle = LessonCheck.defaultSettleNanos
            if let settleNode = fields["settle"] {
                guard let text = settleNode.scalar?.string, let nanos = DurationText.nanoseconds(text) else {
                    throw problem(settleNode, "settle takes a duration, e.g. 2s or 500ms")
                }
                settle = nanos
            }
            var says: String?
            if let saysNode = fields["says"] { says = try string(saysNode, named: "says", in: saysNode) }
            return LessonCheck(figure: figure, condition: condition, settleNanos: settle, message: says)
        }

        /// `30%` or `0.3`.
        func fraction(_ node: Node) throws(LessonProblem) -> Double {
            let text = node.scalar?.string ?? ""
            let value = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
            guard let value, value > 0, value < 100 else { throw problem(node, "takes a share, e.g. 30% or 0.3") }
            return value
        }
    }
}
