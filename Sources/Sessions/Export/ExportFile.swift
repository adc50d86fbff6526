import Foundation

/// Writing an export whole.
enum ExportFile {
    /// Writes `bytes` to `path`, replacing what was there.
    static func write(_ bytes: [UInt8], to path: String) throws(RecordingError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw RecordingError(file: path, line: nil, reason: "cannot write it: \((error as NSError).localizedDescription)")
        }
    }
}
