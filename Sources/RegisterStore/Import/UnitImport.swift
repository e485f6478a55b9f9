import Foundation
import UnionRegister

/// The columns of a units file, parents before children.
public enum UnitColumn: String, CSVColumns {
    case code
    case name
    case kind
    case parent
    case openedOn = "opened_on"
    case closedOn = "closed_on"

    public var aliases: [String] {
        switch self {
        case .code: return ["Mã đơn vị", "Mã"]
        case .name: return ["Tên đơn vị", "Tên"]
        case .kind: return ["Loại"]
        case .parent: return ["Trực thuộc", "Cấp trên"]
        case .openedOn: return ["Ngày thành lập"]
        case .closedOn: return ["Ngày giải thể"]
        }
    }

    public var isRequired: Bool { self == .code || self == .name || self == .kind || self == .openedOn }
}

/// One run of `import units`: each new unit is checked with the tree rules of `unit add`
/// (its parent may come earlier in the same file); a unit already in the register with
/// the same facts is unchanged, and with other facts is a problem (units are not edited
/// by import: their history hangs on them).
struct UnitImport: RowImport {
    var report: ImportReport
    /// Units of the file so far, for parents that a dry run has not written.
    private var seen: [String: UnionRegister.Unit] = [:]

    static let action = "unit.import"
    static let ruleColumns: [RuleCode: UnitColumn] = [.unitParent: .parent, .unitParentOpen: .openedOn, .unitClose: .closedOn]

    init(file: String) {
        report = ImportReport(file: file)
    }

    /// The unit a row describes, or a problem naming the unreadable cell.
    static func unit(from row: CSVRow<UnitColumn>) throws -> UnionRegister.Unit {
        UnionRegister.Unit(
            code: try row.required(.code), name: VietnameseText.normalized(try row.required(.name)),
            kind: try row.required(.kind, as: Text(vi: "loại đơn vị", en: "unit kind"), UnitKind.init(codeOrName:)),
            parentCode: row[.parent], openedOn: try row.requiredDay(.openedOn), closedOn: try row.day(.closedOn))
    }

    mutating func importRow(_ row: CSVRow<UnitColumn>, in tx: WriteTransaction) throws {
        let unit = try Self.unit(from: row)
        if seen.updateValue(unit, forKey: unit.code) != nil {
            throw row.problem(.code, Text(vi: "Đơn vị \(unit.code) xuất hiện hai lần trong tệp.", en: "Unit \(unit.code) appears twice in the file."))
        }
        // A units file holds each unit as it was added; its renames and moves come after it.
        if let existing = try? UnitTable.asAdded(unit.code, in: tx.connection).unit {
            return try report.countUnchanged(unit, kept: existing, conflict: row.problem(.code, Text(
                vi: "Đơn vị \(unit.code) đã có trong sổ với thông tin khác.",
                en: "Unit \(unit.code) is already in the register with other facts.")))
        }
        let parent = try unit.parentCode.map { code -> UnionRegister.Unit in
            guard let parent = seen[code] ?? (try? UnitTable.find(code, in: tx.connection).unit) else {
                throw row.problem(.parent, RegisterError.unknownUnit(code).message)
            }
            return parent
        }
        var opened = unit
        opened.closedOn = nil
        try UnitRules.validateNew(opened, parent: parent, today: tx.today)
        if let closed = unit.closedOn {
            try UnitRules.validateClose(opened, on: closed, activeMembers: 0, openChildren: [], today: tx.today)
        }
        report.added += 1
        let parentID = try unit.parentCode.map { try UnitTable.find($0, in: tx.connection).id }
        try UnitTable.insert(unit, parentID: parentID, in: tx.connection)
    }
}
