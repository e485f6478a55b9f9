import PostgresStore
import PostgresTestSupport
import RegisterStore

extension ReportFixture {
    /// The fixture's register on `kind`: the file itself, or a copy of it (`copy`'s own
    /// code) in a new database of the run's PostgreSQL cluster, opened as a command opens
    /// one, so a store test asks the same of both engines.
    func register(on kind: RegisterEngineKind) throws -> Register {
        guard kind == .postgres else { return register }
        let cluster = try PostgresTestCluster.shared()
        let location = try RegisterLocation.parse(cluster.url(try cluster.makeDatabase()), from: .commandLine, environment: cluster.environment)
        guard case .postgres(let address) = location else { throw ClusterError("\(location) is no PostgreSQL address") }
        _ = try RegisterCopy.copy(from: .file(register.path), to: location, command: "sodoan copy")
        return try PostgresRegister.open(at: address, command: "sodoan report")
    }
}
