import CZlib
import Glibc

/// Where recordings are written plain or gzip-compressed (by name: `.gz` compresses).
enum GzipFile {
    /// Whether a recording at `path` is written compressed.
    static func compresses(_ path: String) -> Bool { path.hasSuffix(".gz") }
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
