import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starts the cluster's programs with posix_spawn rather than Foundation's Process, which
/// has crashed on Linux when another test thread started a process at the same moment.
enum Spawn {
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `arguments` to the end, stdout and stderr together in `output`.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let outputPath = NSTemporaryDirectory() + "sodoan-spawn-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let pid = try spawn(arguments, environment: environment, actions: &actions)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7f == 0
        return Result(status: exited ? (status >> 8) & 0xff : -1, output: output)
    }

    /// Starts `arguments` in a session of its own and does not wait for it (the watchdog).
    static func detach(_ arguments: [String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        _ = try spawn(arguments, environment: [:], actions: &actions, newSession: true)
    }

    private static func spawn(_ arguments: [String], environment: [String: String],
                              actions: inout posix_spawn_file_actions_t, newSession: Bool = false) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID is 0x80 in glibc, which Swift's Glibc module does not export.
        if newSession { posix_spawnattr_setflags(&attributes, Int16(0x80)) }
        let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = variables.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw ClusterError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        return pid
    }
}
