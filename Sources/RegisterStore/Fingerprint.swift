import Crypto
import GRDB
import GRDBSQLite

/// The SHA-256 of a register's content: the facts every figure and document is computed
/// from, serialised canonically.
///
/// Canonical means independent of how the file came to be: rows are keyed by codes (member
/// and unit codes, a referral's rank among the member's referrals), never by row ids, and
/// read in an order fixed by those keys, so a register exported and imported into an empty
/// one hashes the same. It covers every field a member, unit or record stores, personal
/// data, the reasons of membership events and the outside unit and letter number of an
/// arrival or a departure included, so a copy that lost any of them (an export without
/// `--include-personal` imported elsewhere) does not pass for the register. Left out: the
/// audit log and register_info (they record when and how, not what), policy (no figure
/// reads it), and the columns derived from the name (search and sort keys, recomputed on
/// import). Any change to what is hashed changes the fingerprint.
///
/// Each value is written as a NULL mark or as its length and bytes (SQLite's text form; the
/// tables are STRICT, so a column always holds one type), so no two different contents
/// serialise to the same bytes. Rows stream from SQLite into the hasher through a small
/// buffer, read in place with SQLite's C API rather than as GRDB rows (building a Swift
/// value per column cost several times the SQL at 100,000 members): the whole register is
/// never held in memory.
enum Fingerprint {
    /// One table's rows in canonical order. The section name starts the section's bytes.
    struct Section {
        var name: String
        var sql: String
        /// A section added after registers had fingerprints writes its name only before its
        /// first row, so a register without such rows keeps the fingerprint it had. Such a
        /// section comes last, so its name still marks where its rows start.
        var namedOnlyWithRows = false
    }

    /// The sections as `dialect` writes them. SQLite's \(join) (`orderedJoin`) keeps it
    /// walking members in code order and each member's rows through their index, so the rows
    /// come out already ordered instead of being sorted; a column that may be NULL is
    /// ordered with NULL first on both engines (`ascending`).
    static func sections(_ dialect: SQLDialect) -> [Section] {
        let join = dialect.orderedJoin
        return [
        Section(name: "unit", sql: """
            SELECT u.code, u.name, u.kind, p.code, u.opened_on, u.closed_on
            FROM unit u LEFT JOIN unit p ON p.id = u.parent_id
            ORDER BY u.code
            """),
        Section(name: "member", sql: """
            SELECT code, full_name, birth_date, gender, education, id_number, phone, email, workplace,
                   joined_on, party_joined_on, ethnicity, religion, qualification, theory_level, central_id
            FROM member ORDER BY code
            """),
        // Events of one member on one day keep the order they were recorded in (ties by
        // id), because that order decides the member's state on that day.
        Section(name: "membership_event", sql: """
            SELECT m.code, e.kind, e.on_date, u.code, f.code, e.reason, e.place, e.letter_no, e.until_on
            FROM member m
            \(join) membership_event e ON e.member_id = m.id
            JOIN unit u ON u.id = e.unit_id
            LEFT JOIN unit f ON f.id = e.from_unit_id
            ORDER BY m.code, e.on_date, e.id
            """),
        Section(name: "grade", sql: """
            SELECT m.code, g.year, g.grade FROM member m JOIN grade g ON g.member_id = m.id
            ORDER BY m.code, g.year
            """),
        Section(name: "training", sql: """
            SELECT m.code, t.kind, t.completed_on, t.started_on, t.provider, t.certificate_no, t.result
            FROM member m \(join) training t ON t.member_id = m.id
            ORDER BY m.code, t.kind, t.completed_on, \(["t.started_on", "t.provider", "t.certificate_no", "t.result"].map(dialect.ascending).joined(separator: ", "))
            """),
        Section(name: "discipline", sql: """
            SELECT m.code, d.on_date, d.level, d.reason
            FROM member m \(join) discipline d ON d.member_id = m.id
            ORDER BY m.code, d.on_date, d.level, d.reason
            """),
        // A referral is named by its rank among the member's referrals; its steps keep the
        // order they were recorded in.
        Section(name: "referral_step", sql: """
            SELECT m.code,
                   (SELECT COUNT(*) FROM referral o WHERE o.member_id = r.member_id AND o.id <= r.id),
                   s.stage, s.on_date, s.convened, s.present, s.votes_for, s.resolution_no,
                   s.decision_no, s.reason
            FROM member m
            \(join) referral r ON r.member_id = m.id
            \(join) referral_step s ON s.referral_id = r.id
            ORDER BY m.code, r.id, s.on_date, s.id
            """),
        // Offices of one member and unit keep the order they were recorded in.
        Section(name: "office", sql: """
            SELECT m.code, u.code, o.role, o.from_on, o.to_on, o.title
            FROM member m \(join) office o ON o.member_id = m.id JOIN unit u ON u.id = o.unit_id
            ORDER BY m.code, o.from_on, u.code, o.role
            """),
        Section(name: "dues_start", sql: "SELECT kept_from FROM dues_start"),
        Section(name: "dues_rate", sql: "SELECT class, from_month, amount FROM dues_rate ORDER BY class, from_month"),
        Section(name: "member_dues_class", sql: """
            SELECT m.code, c.from_month, c.class FROM member m \(join) member_dues_class c ON c.member_id = m.id
            ORDER BY m.code, c.from_month
            """),
        Section(name: "dues_payment", sql: """
            SELECT m.code, p.through_month, p.from_month, p.on_date, p.amount
            FROM member m \(join) dues_payment p ON p.member_id = m.id
            ORDER BY m.code, p.through_month, p.on_date, p.amount
            """),
        Section(name: "dues_exemption", sql: """
            SELECT m.code, x.from_month, x.to_month, x.decision_no, x.reason
            FROM member m \(join) dues_exemption x ON x.member_id = m.id
            ORDER BY m.code, x.from_month
            """),
        // A unit's changes of one kind are dated strictly in order (docs/DOMAIN.md#units-change),
        // so (unit, kind, day) orders them canonically.
        Section(name: "unit_change", sql: """
            SELECT u.code, c.kind, c.on_date, c.old_name, c.new_name, op.code, np.code, i.code
            FROM unit_change c JOIN unit u ON u.id = c.unit_id
            LEFT JOIN unit op ON op.id = c.old_parent_id LEFT JOIN unit np ON np.id = c.new_parent_id
            LEFT JOIN unit i ON i.id = c.into_unit_id
            ORDER BY u.code, c.kind, c.on_date
            """, namedOnlyWithRows: true),
        Section(name: "unit_grade", sql: """
            SELECT u.code, g.year, g.grade FROM unit_grade g JOIN unit u ON u.id = g.unit_id ORDER BY u.code, g.year
            """, namedOnlyWithRows: true),
        ]
    }

    /// The fingerprint as 64 lower-case hex digits, of the content `db` sees.
    static func compute(in db: any SQLConnection) throws -> String {
        var writer = HashWriter()
        for section in sections(db.dialect) {
            var named = false
            if !section.namedOnlyWithRows {
                writer.append(section.name)
                named = true
            }
            try forEachRow(section.sql, in: db) { values in
                if !named {
                    writer.append(section.name)
                    named = true
                }
                values(&writer)
            }
        }
        return writer.finish()
    }

    /// Runs `sql` and hands `body`, for each row, what writes the row's values into a hasher.
    /// On a file the values are read in place with SQLite's C API, each as SQLite's text
    /// form (an integer as its decimal digits); on another engine each `SQLValue` is written
    /// in the same form, so one content hashes the same on both.
    private static func forEachRow(_ sql: String, in connection: any SQLConnection,
                                   _ body: ((inout HashWriter) -> Void) throws -> Void) throws {
        guard let db = connection as? Database else {
            return try connection.forEachRow(sql, .none) { row in
                try body { writer in for value in row.values { writer.append(value) } }
            }
        }
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        let columns = sqlite3_column_count(handle)
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
            }
            try body { writer in
                for column in 0..<columns {
                    if sqlite3_column_type(handle, column) == SQLITE_NULL {
                        writer.append(nil)
                    } else {
                        let bytes = sqlite3_column_blob(handle, column)
                        writer.append(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
                    }
                }
            }
        }
    }
}

/// Feeds length-prefixed values into SHA-256 through a buffer.
private struct HashWriter {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    init() {
        buffer.reserveCapacity(HashWriter.flushSize * 2)
    }

    /// NULL is one 0x00 byte; a value is 0x01, its length as four bytes, then its bytes.
    mutating func append(_ bytes: UnsafeRawBufferPointer?) {
        if let bytes {
            buffer.append(0x01)
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { buffer.append(contentsOf: $0) }
            buffer.append(contentsOf: bytes)
        } else {
            buffer.append(0x00)
        }
        if buffer.count >= HashWriter.flushSize { flush() }
    }

    private mutating func flush() {
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// A section's name, as its bytes.
    mutating func append(_ name: String) {
        Array(name.utf8).withUnsafeBytes { append($0) }
    }

    /// A value as SQLite's text form gives it: NULL as the NULL mark, an integer as its
    /// decimal digits, a text as its UTF-8, a blob as its bytes.
    mutating func append(_ value: SQLValue) {
        switch value {
        case .null: append(nil)
        case .blob(let data): data.withUnsafeBytes { append($0) }
        case .text(let text): Array(text.utf8).withUnsafeBytes { append($0) }
        case .integer, .real: Array(value.shown.utf8).withUnsafeBytes { append($0) }
        }
    }

    mutating func finish() -> String {
        flush()
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
