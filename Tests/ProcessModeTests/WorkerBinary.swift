import Glibc
import PoolEngine

/// Where the tests find a worker executable: `POOLTOP_WORKER_COMMAND` ("path [leading args…]"),
/// else `procworker` next to the test bundle (the scratch package), else `pooltop-worker` next to
/// it, else `pooltop worker`.
enum WorkerBinary {
    /// The command to spawn workers with.
    static let command: WorkerCommand = {
        if let raw = getenv("POOLTOP_WORKER_COMMAND") {
            let words = String(cString: raw).split(separator: " ").map(String.init)
            if let path = words.first { return WorkerCommand(executablePath: path, leadingArguments: Array(words.dropFirst())) }
        }
        let directory = bundleDirectory()
        let standIn = directory + "/procworker"
        if access(standIn, X_OK) == 0 { return WorkerCommand(executablePath: standIn) }
        let worker = directory + "/pooltop-worker"
        if access(worker, X_OK) == 0 { return WorkerCommand(executablePath: worker) }
        return WorkerCommand(executablePath: directory + "/pooltop", leadingArguments: ["worker"])
    }()

    /// The pooltop binary built beside the tests.
    static var pooltop: String { bundleDirectory() + "/pooltop" }

    /// The directory of the running test executable.
    private static func bundleDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return "." }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
