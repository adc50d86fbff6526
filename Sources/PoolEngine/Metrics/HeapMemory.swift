import CPoolSupport

/// The C heap's bytes in use, for measuring what a queue of waiting tasks holds.
public enum HeapMemory {
    /// Bytes the heap has handed out and not had back (in use, whatever it keeps in reserve).
    public static var inUse: UInt64 { pooltop_heap_in_use() }
}
