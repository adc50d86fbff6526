// A worker process of pooltop's process mode, without Foundation or the command line, so that it
// starts in a few milliseconds (the pooltop binary loads Foundation and ICU: about 10 ms of CPU).
import Glibc
import PoolEngine

exit(WorkerProcessMain.run(arguments: Array(CommandLine.arguments.dropFirst())))
