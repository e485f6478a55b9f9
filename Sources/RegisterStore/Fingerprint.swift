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

    /// CROSS JOIN keeps SQLite walking members in code order and each member's rows
    /// through their index, so the rows come out already ordered instead of being sorted.
    static let sections: [Section] = [
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
            CROSS JOIN membership_event e ON e.member_id = m.id
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
            FROM member m CROSS JOIN training t ON t.member_id = m.id
            ORDER BY m.code, t.kind, t.completed_on, t.started_on, t.provider, t.certificate_no, t.result
            """),
        Section(name: "discipline", sql: """
            SELECT m.code, d.on_date, d.level, d.reason
            FROM member m CROSS JOIN discipline d ON d.member_id = m.id
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
            CROSS JOIN referral r ON r.member_id = m.id
            CROSS JOIN referral_step s ON s.referral_id = r.id
            ORDER BY m.code, r.id, s.on_date, s.id
            """),
        // Offices of one member and unit keep the order they were recorded in.
        Section(name: "office", sql: """
            SELECT m.code, u.code, o.role, o.from_on, o.to_on, o.title
            FROM member m CROSS JOIN office o ON o.member_id = m.id JOIN unit u ON u.id = o.unit_id
            ORDER BY m.code, o.from_on, u.code, o.role
            """),
        Section(name: "dues_start", sql: "SELECT kept_from FROM dues_start"),
        Section(name: "dues_rate", sql: "SELECT class, from_month, amount FROM dues_rate ORDER BY class, from_month"),
        Section(name: "member_dues_class", sql: """
            SELECT m.code, c.from_month, c.class FROM member m CROSS JOIN member_dues_class c ON c.member_id = m.id
            ORDER BY m.code, c.from_month
            """),
        Section(name: "dues_payment", sql: """
            SELECT m.code, p.through_month, p.from_month, p.on_date, p.amount
            FROM member m CROSS JOIN dues_payment p ON p.member_id = m.id
            ORDER BY m.code, p.through_month, p.on_date, p.amount
            """),
        Section(name: "dues_exemption", sql: """
            SELECT m.code, x.from_month, x.to_month, x.decision_no, x.reason
            FROM member m CROSS JOIN dues_exemption x ON x.member_id = m.id
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

    /// The fingerprint as 64 lower-case hex digits.
    static func compute(in db: Database) throws -> String {
        var writer = HashWriter()
        for section in sections {
            var named = false
            if !section.namedOnlyWithRows {
                Array(section.name.utf8).withUnsafeBytes { writer.append($0) }
                named = true
            }
            let statement = try db.makeStatement(sql: section.sql)
            let handle = statement.sqliteStatement
            let columns = sqlite3_column_count(handle)
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                        message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: section.sql)
                }
                if !named {
                    Array(section.name.utf8).withUnsafeBytes { writer.append($0) }
                    named = true
                }
                for column in 0..<columns {
                    if sqlite3_column_type(handle, column) == SQLITE_NULL {
                        writer.append(nil)
                    } else {
                        // For an integer column SQLite gives its decimal text, as for any text.
                        let bytes = sqlite3_column_blob(handle, column)
                        writer.append(UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))))
                    }
                }
            }
        }
        return writer.finish()
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

    mutating func finish() -> String {
        flush()
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
