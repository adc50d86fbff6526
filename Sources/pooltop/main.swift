// The pooltop command line. `pooltop worker` (process mode's children) and the bench's hidden
// frame probe are dispatched before the argument parser (a worker starts fast); everything else
// goes through `Entry`.
import Bench
import Glibc
import PoolEngine

let arguments = CommandLine.arguments
if arguments.count > 1, arguments[1] == "worker" {
    exit(WorkerProcessMain.run(arguments: Array(arguments.dropFirst(2))))
}
if arguments.count > 2, arguments[1] == "bench", arguments[2] == "frame-probe" {
    exit(BenchFrameProbe.main(arguments: Array(arguments.dropFirst(3))))
}
Entry.main()
