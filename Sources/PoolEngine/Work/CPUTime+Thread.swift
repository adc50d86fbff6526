import CPoolSupport

extension CPUTime {
    /// CPU time the calling thread has used, in nanoseconds (CLOCK_THREAD_CPUTIME_ID).
    public static func currentThreadNanos() -> UInt64 {
        pooltop_thread_cpu_nanos()
    }
}
