import CPoolSupport
import Glibc
import PoolCore
import Synchronization

/// The memory that process mode shares between pooltop and its worker processes: one memory file
/// (memfd) of fixed layout, mapped `MAP_SHARED` by the parent and by every child (as its fd 3).
///
/// It holds the robust process-shared mutex that is the shared lock, the shared counter, the lock
/// statistics and one word per worker slot. Every field that is read without the mutex is a
/// Swift `Atomic` placed in the shared pages (lock-free 64-bit atomics are address-free, so they
/// work across processes). Layout, in bytes:
///
/// | offset | field |
/// |---|---|
/// | 0 | `pthread_mutex_t` (robust, process-shared) |
/// | 64 | magic, origin (the pool's start on the monotonic clock) |
/// | 128 | `Field` words: counter value and increments, lock statistics, recoveries |
/// | 4096 | 4096 slot cells of 64 bytes (one cache line each): state word, phase start, hold word |
public final class SharedRegion {
    /// The words after the header, in order (`rawValue` is the word index from `fieldsOffset`).
    enum Field: Int, CaseIterable {
        /// The shared counter's value, and the increments made (both written at the store).
        case counterValue, counterIncrements
        /// The lock statistics of `LockStats`, written while holding the mutex: the words of its
        /// `LockMeter`, in `LockMeter.Word` order.
        case acquisitions, contended, waitTotal, waitMax, holdTotal
        /// Lock acquisitions that found the previous owner dead and made the mutex consistent.
        case recoveries
        /// Tasks running in worker processes right now, and the most ever at once: an observer
        /// inside the tasks, independent of the parent's books. A worker killed mid-task leaves
        /// its task counted, so it tells the truth for runs without crashes.
        case tasksRunning, tasksRunningPeak
    }

    /// How many slots the region has room for (the cap's upper limit).
    public static let slotCapacity = PoolLimits.cap.upperBound
    /// The word a parent stores last, so a child can tell an initialised region ("pooltop1").
    static let magicValue: UInt64 = 0x706F_6F6C_746F_7031
    /// Byte offsets of the layout (see the table above); the mutex is at 0.
    static let magicOffset = 64, originOffset = 72, fieldsOffset = 128, slotsOffset = 4096
    /// Bytes per slot cell: one cache line, so workers writing their own slots do not share lines.
    static let slotStride = 64
    /// The size of the memory file.
    static let byteCount = slotsOffset + slotCapacity * slotStride

    /// The memory file's descriptor (close-on-exec; the spawner maps it onto a child's fd 3).
    public let fileDescriptor: Int32
    /// Where the region is mapped in this process.
    let base: UnsafeMutableRawPointer
    /// The pool's start on the monotonic clock: slot phase times count from here.
    public let origin: UInt64

    /// Creates the memory file, maps it and initialises the mutex (the parent, once per pool).
    /// - Parameter origin: the pool's start on the monotonic clock.
    public init(origin: UInt64) throws(SharedRegionError) {
        let fd = pooltop_memfd_create("pooltop-shared")
        guard fd >= 0 else { throw .system(call: "memfd_create", errno: errno) }
        guard ftruncate(fd, off_t(Self.byteCount)) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw .system(call: "ftruncate", errno: code)
        }
        do {
            base = try Self.map(fd)
        } catch {
            Glibc.close(fd)
            throw error
        }
        let rc = pooltop_robust_mutex_init(base)
        guard rc == 0 else {
            munmap(base, Self.byteCount)
            Glibc.close(fd)
            throw .system(call: "pthread_mutex_init", errno: rc)
        }
        fileDescriptor = fd
        self.origin = origin
        base.storeBytes(of: origin, toByteOffset: Self.originOffset, as: UInt64.self)
        word(at: Self.magicOffset).pointee.store(Self.magicValue, ordering: .releasing)
    }

    /// Maps a region a parent created (a worker process, with the fd it inherited as fd 3).
    /// On success the region owns `fd` and closes it when it goes; on failure `fd` is left open.
    public init(mapping fd: Int32) throws(SharedRegionError) {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .system(call: "fstat", errno: errno) }
        guard Int(status.st_size) == Self.byteCount else { throw .wrongSize(Int(status.st_size), expected: Self.byteCount) }
        let mapped = try Self.map(fd)
        let magic = (mapped + Self.magicOffset).assumingMemoryBound(to: Atomic<UInt64>.self)
        guard magic.pointee.load(ordering: .acquiring) == Self.magicValue else {
            munmap(mapped, Self.byteCount)
            throw .notInitialised
        }
        base = mapped
        fileDescriptor = fd
        origin = mapped.load(fromByteOffset: Self.originOffset, as: UInt64.self)
    }

    deinit {
        munmap(base, Self.byteCount)
        Glibc.close(fileDescriptor)
    }

    private static func map(_ fd: Int32) throws(SharedRegionError) -> UnsafeMutableRawPointer {
        guard pooltop_mutex_size() <= UInt64(magicOffset) else { throw .layout }
        let pointer = mmap(nil, byteCount, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)
        guard let pointer, pointer != MAP_FAILED else { throw .system(call: "mmap", errno: errno) }
        return pointer
    }

    // MARK: - Words

    /// The atomic 64-bit word at `offset` bytes into the region.
    @inline(__always)
    func word(at offset: Int) -> UnsafeMutablePointer<Atomic<UInt64>> {
        (base + offset).assumingMemoryBound(to: Atomic<UInt64>.self)
    }

    /// The atomic word of `field`.
    @inline(__always)
    func word(_ field: Field) -> UnsafeMutablePointer<Atomic<UInt64>> {
        word(at: Self.fieldsOffset + field.rawValue * 8)
    }

    /// The robust mutex at the start of the region.
    var mutex: UnsafeMutableRawPointer { base }

    /// The shared lock's figures, kept in the region's words from `.acquisitions` to `.holdTotal`.
    var lockMeter: LockMeter { LockMeter(words: word(.acquisitions)) }

    // MARK: - The parent's view

    /// The lock's statistics as of now. `waiters` counts slots whose phase is waiting for the lock,
    /// so a worker killed while waiting does not stay counted for ever.
    public var lockStats: LockStats { lockStats(scanningSlots: Self.slotCapacity) }

    /// The lock's statistics, counting waiters among the first `count` slots only (the pool's
    /// slots: scanning all 4096 cache lines every frame costs more than the rest of a snapshot).
    public func lockStats(scanningSlots count: Int) -> LockStats {
        lockMeter.stats(waiters: (0..<min(count, Self.slotCapacity)).reduce(0) { $0 + (slotPhase($1) == .waitingForLock ? 1 : 0) })
    }

    /// How many times a worker found the lock's owner dead and recovered the lock.
    public var recoveredLocks: Int { Int(word(.recoveries).pointee.load(ordering: .relaxed)) }

    /// The most tasks worker processes ever ran at once, as the tasks themselves counted.
    public var peakTasksRunning: Int { Int(word(.tasksRunningPeak).pointee.load(ordering: .relaxed)) }

    /// A worker process is starting a task: counts it and raises the peak.
    @inline(__always)
    func taskStarted() {
        let now = word(.tasksRunning).pointee.add(1, ordering: .acquiringAndReleasing).newValue
        var peak = word(.tasksRunningPeak).pointee.load(ordering: .relaxed)
        while now > peak {
            let (exchanged, original) = word(.tasksRunningPeak).pointee.compareExchange(
                expected: peak, desired: now, ordering: .relaxed)
            if exchanged { break }
            peak = original
        }
    }

    /// A worker process ended a task.
    @inline(__always)
    func taskEnded() {
        word(.tasksRunning).pointee.subtract(1, ordering: .acquiringAndReleasing)
    }

    /// Increments performed and the value reached by the shared counter.
    public var counter: CounterStats {
        CounterStats(expected: Int(word(.counterIncrements).pointee.load(ordering: .relaxed)),
                     actual: Int(word(.counterValue).pointee.load(ordering: .relaxed)))
    }

    /// Sets the counter and every lock statistic to zero, holding the lock. The recovery tally is a
    /// fault count like crashed workers and is kept (a recovery made here is counted too).
    public func reset() {
        var recovered: Int32 = 0
        let rc = pooltop_robust_mutex_lock(mutex, &recovered)
        for field in Field.allCases where field != .recoveries && field != .tasksRunning {
            word(field).pointee.store(0, ordering: .relaxed)
        }
        if recovered != 0 { word(.recoveries).pointee.add(1, ordering: .relaxed) }
        if rc == 0 { pooltop_robust_mutex_unlock(mutex) }
    }
}

// The region's memory is only touched through atomics or the robust mutex it contains; the
// stored properties are immutable.
extension SharedRegion: @unchecked Sendable {}
