// The pooltop command line. `pooltop worker` (process mode's children) is dispatched before the
// argument parser so a worker starts fast; everything else goes through `Entry`.
import Glibc
import PoolEngine

if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "worker" {
    exit(WorkerProcessMain.run(arguments: Array(CommandLine.arguments.dropFirst(2))))
}
Entry.main()
