import CTerminalGuard
import Glibc

/// The screen kept as an asciicast v2 file while it is drawn (`--cast`): the session draws into a
/// pseudo-terminal, and a thread of this relay copies every byte from it to the real terminal and,
/// stamped with its time, into the cast as an `[t, "o", data]` event, so the file holds exactly what
/// pooltop wrote to the terminal. A size change of the real terminal reaches ncurses through the
/// pseudo-terminal and the cast as an `[t, "r", "WxH"]` event.
final class CastRelay {
    /// The end ncurses writes to.
    let output: UnsafeMutablePointer<FILE>
    private let master: Int32
    private let slave: Int32
    private let cast: UnsafeMutablePointer<FILE>
    private var thread = pthread_t()
    private let startNanos: UInt64
    private var size: (width: Int, height: Int)
    private var pendingUTF8: [UInt8] = []

    /// Creates the cast at `path` (its header names `width`×`height` and `term`) and the
    /// pseudo-terminal, and starts copying.
    init(path: String, width: Int, height: Int, term: String) throws(TerminalSessionError) {
        guard let cast = fopen(path, "w") else {
            throw .castFailed(path: path, reason: String(cString: strerror(errno)))
        }
        var master: Int32 = -1, slave: Int32 = -1
        guard pooltop_relay_open_pty(&master, &slave, Int32(height), Int32(width)) == 0,
              let output = fdopen(slave, "w") else {
            let reason = String(cString: strerror(errno))
            fclose(cast)
            throw .castFailed(path: path, reason: "no pseudo-terminal: \(reason)")
        }
        self.cast = cast
        self.master = master
        self.slave = slave
        self.output = output
        self.size = (width, height)
        startNanos = Self.now()
        let timestamp = time(nil)
        write("{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
              + "\"env\": {\"TERM\": \(Self.quoted(term))}}\n")
        let box = Unmanaged.passRetained(self)
        let started = pthread_create(&thread, nil, { context in
            let relay = Unmanaged<CastRelay>.fromOpaque(context!).takeRetainedValue()
            relay.copy()
            return nil
        }, box.toOpaque())
        guard started == 0 else {
            box.release()
            fclose(output)
            close(master)
            fclose(cast)
            throw .castFailed(path: path, reason: "no thread to copy the screen")
        }
    }

    /// The pseudo-terminal's end, for terminal modes and sizes.
    var slaveDescriptor: Int32 { slave }

    /// Call after ncurses has ended (endwin): closes ncurses' end, lets the copying thread write the
    /// last bytes and finish, and closes the cast.
    func finish() {
        fflush(output)
        fclose(output)
        pthread_join(thread, nil)
        close(master)
        fclose(cast)
    }

    // MARK: - The copying thread

    private func copy() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }  // EIO once ncurses' end is closed
            chunk.withUnsafeBytes { bytes in
                var offset = 0
                while offset < count {
                    let written = Glibc.write(STDOUT_FILENO, bytes.baseAddress! + offset, count - offset)
                    if written < 0, errno == EINTR { continue }
                    guard written > 0 else { break }
                    offset += written
                }
            }
            noteResize()
            record(chunk[0..<count])
        }
        if !pendingUTF8.isEmpty { record([], flushing: true) }
    }

    /// Writes an `"r"` event when the pseudo-terminal's size changed.
    private func noteResize() {
        var current = winsize()
        guard ioctl(master, UInt(TIOCGWINSZ), &current) == 0 else { return }
        let now = (Int(current.ws_col), Int(current.ws_row))
        guard now != size else { return }
        size = now
        write("[\(elapsed()), \"r\", \"\(now.0)x\(now.1)\"]\n")
    }

    /// Writes an `"o"` event of the complete UTF-8 characters in what came, keeping a character cut
    /// at the end of a chunk for the next one.
    private func record(_ bytes: ArraySlice<UInt8>, flushing: Bool = false) {
        var data = pendingUTF8 + bytes
        pendingUTF8 = []
        if !flushing { pendingUTF8 = Self.incompleteTail(of: data) }
        data.removeLast(pendingUTF8.count)
        guard !data.isEmpty else { return }
        write("[\(elapsed()), \"o\", \(Self.quoted(String(decoding: data, as: UTF8.self)))]\n")
    }

    private func elapsed() -> String {
        let micros = (Self.now() &- startNanos) / 1_000
        let fraction = String(micros % 1_000_000)
        return "\(micros / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    private func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, cast) }
    }

    // MARK: - Text

    /// The bytes at the end of `data` that start a UTF-8 character not yet complete.
    static func incompleteTail(of data: [UInt8]) -> [UInt8] {
        for back in 1...min(3, data.count) {
            let byte = data[data.count - back]
            if byte & 0xC0 == 0x80 { continue }  // a continuation byte: look further back
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return length > back ? Array(data.suffix(back)) : []
        }
        return []
    }

    /// `text` as a JSON string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}

// The relay's mutable state is touched by its copying thread alone once started; `finish` joins it.
extension CastRelay: @unchecked Sendable {}
