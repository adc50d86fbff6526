import CPoolSupport

/// The process's resident memory, for measuring what a queue of waiting tasks holds.
public enum ResidentMemory {
    /// Resident bytes now (/proc/self/statm); 0 if it cannot be read.
    public static var bytes: UInt64 { pooltop_resident_bytes() }

    /// Gives the heap's free memory back to the system, so that the next reading grows with what is
    /// allocated from now on, not with memory the heap had kept from earlier work.
    public static func trimHeap() { pooltop_heap_trim() }
}
