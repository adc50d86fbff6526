/// A guided lesson, read from a `*.lesson` file: a title, the scenario it runs (the same options
/// as the command line) and the steps a class follows.
public struct Lesson: Sendable, Hashable {
    /// The name `pooltop lesson NAME` takes: the file's name without `.lesson`.
    public var name: String
    /// The title, shown at the top of the lesson panel.
    public var title: String
    /// One or two sentences on what the lesson shows, for `pooltop lesson` and `L`.
    public var summary: String
    /// The command-line options of the scenario, e.g. `["--task", "cpu:4ms", "--gil"]`.
    public var scenario: [String]
    /// The steps, in order (never empty).
    public var steps: [LessonStep]
    /// The file the lesson came from.
    public var path: String
    /// Where the `L` list and `pooltop lesson` put it (the `order:` key; by name among equals).
    public var order: Int
    /// The line of the file the scenario is on, to name it when its options are wrong.
    public var scenarioLine: Int

    /// A lesson as it stands.
    public init(name: String, title: String, summary: String = "", scenario: [String] = [], steps: [LessonStep], path: String = "",
                order: Int = 0, scenarioLine: Int = 0) {
        self.name = name
        self.title = title
        self.summary = summary
        self.scenario = scenario
        self.steps = steps
        self.path = path
        self.order = order
        self.scenarioLine = scenarioLine
    }
}
