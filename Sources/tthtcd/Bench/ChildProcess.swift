import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program run to completion with its wall time and peak memory (from wait4, the kernel's own count), its
/// standard input from a file and its standard output kept.
struct ChildProcess {
    struct Result {
        let status: Int32
        let milliseconds: Double
        /// Peak resident memory, in megabytes.
        let peakMB: Double
        let output: String
    }

    static func run(_ path: String, _ arguments: [String], input: String? = nil, keepOutput: Bool = true) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.path
        let outputPath = folder + "/tthtcd-bench-out-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, keepOutput ? outputPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = environment["LANG"] ?? "C.UTF-8"
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let code = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .ENOENT) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = (ContinuousClock.now - started) / .milliseconds(1)
        let output = keepOutput ? ((try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "") : ""
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(status: exit, milliseconds: elapsed, peakMB: Double(usage.ru_maxrss) / 1024, output: output)
    }

    /// Drops a file's pages from the kernel's cache, as a reboot would: the next read goes to the disk.
    static func evictFromCache(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fdatasync(descriptor)
        posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        close(descriptor)
    }
}
