import CZlib
import Glibc

/// The bytes of a recording being read: a plain file mapped into memory as it is (opening costs
/// no copy, and pages are read as the lines are scanned), or a gzip file decompressed once into
/// one buffer of the size its trailer gives.
final class RecordingStorage {
    /// The bytes.
    let bytes: UnsafeRawBufferPointer
    private let unmap: Bool

    /// Opens `path`: mapped when plain, decompressed when gzip.
    init(path: String) throws(RecordingError) {
        func fail(_ what: String) -> RecordingError {
            RecordingError(file: path, line: nil, reason: "\(what): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("cannot open it") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("cannot read it") }
        let size = Int(info.st_size)
        var magic: (UInt8, UInt8) = (0, 0)
        let isGzip = size >= 18 && pread(fd, &magic, 2, 0) == 2 && magic == (0x1F, 0x8B)
        guard isGzip else {
            guard size > 0 else {
                bytes = UnsafeRawBufferPointer(start: nil, count: 0)
                unmap = false
                return
            }
            guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else { throw fail("cannot map it") }
            _ = madvise(base, size, MADV_SEQUENTIAL)
            bytes = UnsafeRawBufferPointer(start: base, count: size)
            unmap = true
            return
        }
        // A single gzip stream ends with its uncompressed size modulo 2^32: a good first guess.
        var trailer: UInt32 = 0
        _ = pread(fd, &trailer, 4, off_t(size - 4))
        bytes = try Self.inflate(path: path, sizeHint: max(Int(UInt32(littleEndian: trailer)), size * 4))
        unmap = false
    }

    deinit {
        if unmap {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            bytes.baseAddress.map { free(UnsafeMutableRawPointer(mutating: $0)) }
        }
    }

    /// Decompresses the gzip file at `path` into a malloc'd buffer. A stream cut short (the writer
    /// was killed) gives what was written.
    private static func inflate(path: String, sizeHint: Int) throws(RecordingError) -> UnsafeRawBufferPointer {
        guard let file = gzopen(path, "rb") else {
            throw RecordingError(file: path, line: nil, reason: "cannot open it: \(String(cString: strerror(errno)))")
        }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 20)
        var capacity = max(1 << 16, sizeHint + 1)
        guard var buffer = malloc(capacity) else { throw RecordingError(file: path, line: nil, reason: "not enough memory to read it") }
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw RecordingError(file: path, line: nil, reason: "not enough memory to read it")
                }
                buffer = grown
            }
            let chunk = min(capacity - count, 1 << 30)
            let read = gzread(file, buffer + count, UInt32(chunk))
            if read < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
                if code == Z_BUF_ERROR { break }
                free(buffer)
                throw RecordingError(file: path, line: nil, reason: "cannot read it: \(message)")
            }
            if read == 0 { break }
            count += Int(read)
        }
        return UnsafeRawBufferPointer(start: buffer, count: count)
    }
}

// Immutable once made; the mapping or buffer lives as long as the object.
extension RecordingStorage: @unchecked Sendable {}
