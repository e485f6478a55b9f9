import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who runs the test server. initdb and postgres refuse to run as root, so a root test
/// process runs them as `postgres` (Debian's package makes that user) or else `nobody`,
/// through runuser, and gives that user the temporary directory.
struct ServerUser {
    /// nil: this process's own user (not root).
    let name: String?

    static func choose() throws -> ServerUser {
        guard geteuid() == 0 else { return ServerUser(name: nil) }
        guard FileManager.default.isExecutableFile(atPath: runuser) else {
            throw ClusterError("the tests run as root and need \(runuser) (util-linux) to start PostgreSQL as another user")
        }
        return ServerUser(name: getpwnam("postgres") != nil ? "postgres" : "nobody")
    }

    static let runuser = "/usr/sbin/runuser"

    func command(_ arguments: [String]) -> [String] {
        guard let name else { return arguments }
        return [Self.runuser, "-u", name, "--"] + arguments
    }

    /// Makes `path` this user's, so the server can read it or write its data there.
    func give(_ directory: String) throws {
        guard let name, let entry = getpwnam(name) else { return }
        guard chown(directory, entry.pointee.pw_uid, entry.pointee.pw_gid) == 0 else {
            throw ClusterError("cannot give \(directory) to \(name): \(String(cString: strerror(errno)))")
        }
    }
}
