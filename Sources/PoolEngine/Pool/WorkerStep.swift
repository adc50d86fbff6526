/// What a worker does next, decided under the queue lock.
enum WorkerStep {
    case run(Job)
    case wait
    case exit
}
