import CZlib
import Glibc

/// A file written plain or gzip-compressed (by its name: `.gz` compresses) and read either way,
/// through zlib's gzip file API.
enum GzipFile {
    /// Whether a recording at `path` is written compressed.
    static func compresses(_ path: String) -> Bool { path.hasSuffix(".gz") }

    /// Reads all of `path`, decompressing it if it is gzip.
    /// - Throws: the system's reason when it cannot be opened or read.
    static func read(_ path: String) throws(RecordingError) -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw RecordingError(file: path, line: nil, reason: "cannot open it: \(String(cString: strerror(errno)))")
        }
        defer { gzclose(file) }
        gzbuffer(file, 256 * 1024)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
            if count < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "read error"
                // A gzip stream cut short (the writer was killed) still gives what was written.
                if code == Z_BUF_ERROR { break }
                throw RecordingError(file: path, line: nil, reason: "cannot read it: \(message)")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<Int(count)])
        }
        return bytes
    }
}

/// An open file a recording is written to: plain, or gzip for a `.gz` name.
final class GzipWriter {
    private var file: gzFile?
    let path: String

    /// Creates (or truncates) `path`.
    init(path: String) throws(RecordingError) {
        self.path = path
        guard let file = gzopen(path, GzipFile.compresses(path) ? "wb6" : "wbT") else {
            throw RecordingError(file: path, line: nil, reason: "cannot create it: \(String(cString: strerror(errno)))")
        }
        gzbuffer(file, 256 * 1024)
        self.file = file
    }

    deinit { _ = try? close() }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws(RecordingError) {
        guard let file else { throw RecordingError(file: path, line: nil, reason: "it is closed") }
        let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
        guard written == Int32(bytes.count) else { throw failure("cannot write") }
    }

    /// Pushes what is buffered to the file (a gzip stream stays readable up to here).
    func flush() throws(RecordingError) {
        guard let file else { return }
        guard gzflush(file, Z_SYNC_FLUSH) == Z_OK else { throw failure("cannot write") }
    }

    /// Flushes and closes the file.
    func close() throws(RecordingError) {
        guard let file else { return }
        self.file = nil
        guard gzclose(file) == Z_OK else { throw RecordingError(file: path, line: nil, reason: "cannot finish writing it") }
    }

    private func failure(_ what: String) -> RecordingError {
        var code: Int32 = 0
        let message = file.flatMap { gzerror($0, &code) }.map { String(cString: $0) } ?? ""
        let reason = code == Z_ERRNO ? String(cString: strerror(errno)) : message
        return RecordingError(file: path, line: nil, reason: "\(what): \(reason)")
    }
}
