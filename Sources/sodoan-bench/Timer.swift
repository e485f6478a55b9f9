import Foundation

/// Runs a command as a child process and measures it: wall time from spawn to exit, and
/// the child's own peak resident memory (from wait4, so other processes do not count).
enum Timer {
    struct Measure {
        var seconds: Double
        var peakMB: Double
        var status: Int32
    }

    static func run(_ argv: [String], stdin: String? = nil) throws -> Measure {
        var fileActions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 1, "/dev/null", O_WRONLY, 0)
        if let stdin { posix_spawn_file_actions_addopen(&fileActions, 0, stdin, O_RDONLY, 0) }
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        guard posix_spawnp(&pid, argv[0], &fileActions, nil, cArgs, environ) == 0 else {
            throw BenchError("could not start \(argv[0])")
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Measure(seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, status: (status >> 8) & 0xFF)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
