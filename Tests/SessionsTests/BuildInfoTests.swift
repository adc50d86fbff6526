import Foundation
import PoolCore
import Testing
@testable import Sessions

@Suite("What pooltop --version says")
struct BuildInfoTests {
    @Test("a release's BUILD file gives the commit and the date")
    func releaseStamp() {
        let info = BuildInfo(stamp: "commit 6ee0d2c5f224\ndate 2026-12-02\n")
        #expect(info.line == "pooltop \(PooltopVersion.number) (commit 6ee0d2c5f224, built 2026-12-02)")
    }

    @Test("a build from a clone reads HEAD from .git: a branch's ref file, packed-refs, or a detached hash")
    func commitFromAClone() throws {
        let git = FileManager.default.temporaryDirectory.appendingPathComponent("pooltop-git-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: git) }
        try FileManager.default.createDirectory(at: git.appendingPathComponent("refs/heads"), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: git.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
        try "0123456789abcdef0123456789abcdef01234567 refs/heads/main\n"
            .write(to: git.appendingPathComponent("packed-refs"), atomically: true, encoding: .utf8)
        #expect(BuildInfo.commit(inClone: git.path) == "0123456")
        try "fedcba9876543210fedcba9876543210fedcba98\n"
            .write(to: git.appendingPathComponent("refs/heads/main"), atomically: true, encoding: .utf8)
        #expect(BuildInfo.commit(inClone: git.path) == "fedcba9")
        try "aaaabbbbccccddddeeeeffff0000111122223333\n".write(to: git.appendingPathComponent("HEAD"), atomically: true, encoding: .utf8)
        #expect(BuildInfo.commit(inClone: git.path) == "aaaabbb")
        #expect(BuildInfo.commit(inClone: git.path + "-missing") == nil)
        var source = BuildInfo()
        source.commit = "aaaabbb"
        source.date = "2026-12-02"
        #expect(source.line == "pooltop \(PooltopVersion.number) (commit aaaabbb, built 2026-12-02 from source)")
    }
}
