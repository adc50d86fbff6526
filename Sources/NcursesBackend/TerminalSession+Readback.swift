import Glibc

extension TerminalSession {
    /// The number of bytes a testing session has sent to its terminal so far; 0 for a real one.
    var bytesWritten: Int {
        guard let output = testingOutput else { return 0 }
        fflush(output)
        return ftell(output)
    }

    /// Everything a testing session has sent to its terminal so far (ncurses' setup and every
    /// frame), for tests that replay it on a model terminal; empty for a real session or an
    /// output that cannot be read back.
    var bytesSent: [UInt8] {
        guard let output = testingOutput else { return [] }
        fflush(output)
        let count = ftell(output)
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let read = bytes.withUnsafeMutableBytes { pread(fileno(output), $0.baseAddress, count, 0) }
        return read == count ? bytes : []
    }
}
