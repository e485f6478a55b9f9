import Foundation
import RegisterStore
import UnionRegister

/// `sodoan copy --from A --to B` (docs/CLI.md#register): the whole register from one place to a
/// new one, each a file or a PostgreSQL database, all or nothing. The source is read in one
/// transaction and the target written in one (`Register.createByCopy`, `PostgresTarget`);
/// the target must be new (no file at the path) or empty (a database with no table), and a
/// refusal or failure leaves it as it was. What is carried is `CopiedTables`' list: every
/// table, the audit log and the accounts included; the derived tables are rebuilt on the
/// target; the sessions stay behind.
public enum RegisterCopy {
    public struct Summary: Equatable, Sendable {
        public var tables = 0
        public var rows = 0
    }

    /// Reads the source's rows into a sink: the one shape both engines' sources have.
    typealias Source = ((CopiedTable, [[CopyCell]]) throws -> Void) throws -> Void

    public static func copy(from source: RegisterLocation, to target: RegisterLocation, command: String) throws -> Summary {
        try write(to: target, reading: try reader(source, command: command))
    }

    /// Opens the source, refusing one that is missing, no register or made by a newer sodoan.
    static func reader(_ location: RegisterLocation, command: String) throws -> Source {
        switch location {
        case .file(let path):
            let register = try Register.open(at: path, command: command)
            return { sink in try register.copyRows(into: sink) }
        case .postgres(let address):
            try PostgresSource.open(address)
            let tables = try Register.copiedTables()
            return { sink in try PostgresSource.copyRows(address, tables: tables, into: sink) }
        }
    }

    static func write(to location: RegisterLocation, reading source: Source) throws -> Summary {
        var summary = Summary()
        var seen = Set<String>()
        func count(_ table: CopiedTable, _ rows: [[CopyCell]]) {
            if seen.insert(table.name).inserted { summary.tables += 1 }
            summary.rows += rows.count
        }
        switch location {
        case .file(let path):
            try Register.createByCopy(at: path) { target in
                try source { table, rows in
                    try target.insert(table, rows)
                    count(table, rows)
                }
            }
        case .postgres(let address):
            try PostgresTarget.make(at: address) { target in
                try source { table, rows in
                    try target.insert(table, rows)
                    count(table, rows)
                }
            }
        }
        return summary
    }
}
