import Crypto
import Foundation
import GRDB
import UnionRegister

/// The hash chain of the audit log (migration 5): each row's `hash` is the SHA-256 of the
/// previous row's hash and of the row's own columns, and `content_version.audit_head` holds
/// the last row's hash.
///
/// A row's content is every column but `hash` that is not NULL, by column name, so a
/// column added by a later migration (NULL in older rows) joins the hash of the rows that
/// set it without breaking the older ones. Each name and value is written with its length,
/// so no two contents hash alike. Without a secret key this finds tampering by anyone who
/// does not also recompute the chain (docs/SECURITY.md).
enum AuditChain {
    /// Appends one audit row with `values` (column, value), its id the next one, and moves
    /// the head. Runs inside the caller's write transaction, which holds the register's
    /// write lock, so no other write takes the same id.
    static func append(_ values: [(column: String, value: SQLValue)], in db: any SQLConnection) throws {
        guard case .integer(let id) = try db.value("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log") else {
            throw StoredValue.damaged("audit_log.id", "")
        }
        let previous = try db.row("SELECT audit_head FROM content_version")?.optionalText("audit_head")
        let row = [("id", SQLValue.integer(id))] + values
        let hash = Self.hash(row, previous: previous)
        let columns = row.map(\.0) + ["hash"]
        try db.execute("INSERT INTO audit_log (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))",
                       .positional(row.map(\.1) + [.text(hash)]))
        try db.execute("UPDATE content_version SET audit_head = ?", [hash])
    }

    /// The hash of one row given as (column, value) pairs, chained to `previous`.
    static func hash(_ row: [(String, SQLValue)], previous: String?) -> String {
        var hasher = SHA256()
        // Straight from each value's bytes: an import may append a row per member changed.
        func add(_ bytes: UnsafeRawBufferPointer) {
            withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(bufferPointer: bytes)
        }
        func add(_ text: String) {
            var text = text
            text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        }
        add(previous ?? "")
        for (column, value) in row.sorted(by: { $0.0 < $1.0 }) where column != "hash" && value != .null {
            add(column)
            switch value {
            case .blob(let data): data.withUnsafeBytes { add($0) }
            case .integer(let number): add(String(number))
            case .real(let number): add("\(number)")
            case .text(let text): add(text)
            case .null: break
            }
        }
        return hex(hasher.finalize())
    }

    /// Lower-case hex without a formatter per byte: an import may append a row per member.
    private static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Chains the rows an older sodoan wrote before migration 5, in id order. Their rows
    /// may not be updated (a trigger refuses it), so the trigger is set aside for this one
    /// migration, inside its transaction, and put back exactly as it was.
    static func sealExisting(in db: Database) throws {
        let trigger = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_never_updated'")
        if trigger != nil { try db.execute(sql: "DROP TRIGGER audit_log_never_updated") }
        var previous: String?
        for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id") {
            let hash = Self.hash(columns(of: row), previous: previous)
            try db.execute(sql: "UPDATE audit_log SET hash = ? WHERE id = ?", arguments: [hash, row["id"] as Int64])
            previous = hash
        }
        try db.execute(sql: "UPDATE content_version SET audit_head = ?", arguments: [previous])
        if let trigger { try db.execute(sql: trigger) }
    }

    private static func columns(of row: Row) -> [(String, SQLValue)] {
        row.columnNames.map { ($0, (row[$0] as DatabaseValue).sqlValue) }
    }

    /// Every place the stored chain differs from the one recomputed from the rows: a row
    /// whose content or predecessor changed, a gap in the ids, a row with no hash, a last
    /// row that is not the kept head.
    static func findings(in db: any SQLConnection) throws -> [Finding] {
        var findings: [Finding] = []
        func broken(_ id: Int64?, _ message: Text) {
            findings.append(Finding(.error, code: "audit-chain", subject: id.map { "audit #\($0)" } ?? "audit", message))
        }
        var previous: String?
        var previousID: Int64 = 0
        try db.forEachRow("SELECT * FROM audit_log ORDER BY id", .none) { row in
            let id = try row.integer("id")
            if id != previousID + 1 {
                let gap = id - 1 == previousID + 1 ? "\(id - 1)" : "\(previousID + 1)–\(id - 1)"
                broken(id, Text(vi: "Thiếu dòng nhật ký \(gap): đã bị xóa ngoài sodoan.",
                                en: "Audit row \(gap) is missing: removed behind sodoan's back."))
            }
            let stored = try row.optionalText("hash")
            let expected = hash(Array(zip(row.columns, row.values)), previous: previous)
            if stored == nil {
                broken(id, Text(vi: "Dòng nhật ký \(id) không có mã băm: được chèn ngoài sodoan.",
                                en: "Audit row \(id) has no hash: it was inserted behind sodoan's back."))
            } else if stored != expected {
                broken(id, Text(vi: "Dòng nhật ký \(id) không khớp mã băm: nội dung của nó (hoặc dòng liền trước) đã bị sửa, xóa hay chèn ngoài sodoan.",
                                en: "Audit row \(id) does not match its hash: it (or the row before it) was changed, removed or inserted behind sodoan's back."))
            }
            previous = stored ?? expected
            previousID = id
        }
        let head = try db.row("SELECT audit_head FROM content_version")?.optionalText("audit_head")
        if head != previous {
            broken(nil, Text(vi: "Nhật ký kết thúc ở dòng \(previousID) nhưng mã băm cuối được giữ là của dòng khác: các dòng cuối đã bị xóa hoặc thay.",
                             en: "The audit log ends at row \(previousID), but the kept chain head is another row's: its last rows were removed or replaced."))
        }
        return findings
    }
}
