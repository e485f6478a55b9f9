import Foundation
import UnionRegister

/// The columns of a unit-changes file: the renames, moves, mergers and splits of units, in
/// the order they were made (docs/CLI.md#reorganising-units).
public enum UnitChangeColumn: String, CSVColumns {
    /// renamed, moved, merged or split (or the Vietnamese name).
    case change
    case on
    case unit
    /// Renamed: the name until the day before, and the name from the day on.
    case oldName = "old_name"
    case newName = "new_name"
    /// Moved: the parent until the day before (empty for a root), and the parent from the day on.
    case oldParent = "old_parent"
    case newParent = "new_parent"
    /// Merged: the unit merged into.
    case into

    public var aliases: [String] {
        switch self {
        case .change: return ["Thay đổi"]
        case .on: return ["Ngày"]
        case .unit: return ["Mã đơn vị", "Đơn vị"]
        case .oldName: return ["Tên cũ"]
        case .newName: return ["Tên mới"]
        case .oldParent: return ["Cấp trên cũ"]
        case .newParent: return ["Cấp trên mới"]
        case .into: return ["Hợp nhất vào"]
        }
    }

    public var isRequired: Bool { self == .change || self == .on || self == .unit }
}

/// One run of `import unit-changes`, after `import units` (which adds each unit as it was
/// added): a rename or a move is replayed through the writes and rules of `unit rename`
/// and `unit move`, and its old name or parent must be the unit's name or parent at that
/// point; a merger or a split is recorded as it was, its members' moves coming with the
/// events file and the merged unit's closing day with the units file. A change already
/// kept (a file imported twice) changes nothing.
struct UnitChangeImport: RowImport {
    var report: ImportReport

    static let action = "unit-change.import"
    static let ruleColumns: [RuleCode: UnitChangeColumn] = [
        .unitReorganisationDate: .on, .unitMoveCycle: .newParent, .unitParent: .newParent, .unitParentOpen: .newParent,
        .unitMerge: .into, .unitSplitPlan: .unit,
    ]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<UnitChangeColumn>, in tx: WriteTransaction) throws {
        let names = UnitChangeKind.allCases.map(\.rawValue).joined(separator: "|")
        let kind = try row.required(.change, as: Text(vi: "thay đổi (\(names))", en: "change (\(names))"), UnitChangeKind.init(codeOrName:))
        let on = try row.requiredDay(.on)
        let code = try row.required(.unit)
        let (id, unit) = try unitNamed(code, row, .unit, in: tx)
        if let kept = try UnitChangeTable.history(ofUnit: id, in: tx.connection).first(where: { $0.unitCode == code && $0.kind == kind && $0.on == on }) {
            // An old value left empty is not compared (a root moved has no old parent either).
            let given = try change(kind, on: on, of: unit, row, in: tx)
            var compared = kept
            if given.oldName == nil { compared.oldName = nil }
            if given.oldParentCode == nil { compared.oldParentCode = nil }
            return try report.countUnchanged(given, kept: compared, conflict: row.problem(.on, Text(
                vi: "Đơn vị \(code) đã có thay đổi «\(kind.name.vi)» ngày \(on) với thông tin khác.",
                en: "Unit \(code) already has a change “\(kind.name.en)” on \(on) with other facts.")))
        }
        switch kind {
        case .renamed:
            let change = try change(kind, on: on, of: unit, row, in: tx)
            try expect(change.oldName ?? unit.name, is: unit.name, column: .oldName, row, Text(vi: "tên", en: "name"))
            _ = try tx.renameUnit(code, to: change.newName!, on: on)
        case .moved:
            let change = try change(kind, on: on, of: unit, row, in: tx)
            try expect(change.oldParentCode ?? unit.parentCode, is: unit.parentCode, column: .oldParent, row, Text(vi: "cấp trên", en: "parent"))
            _ = try tx.moveUnit(code, under: change.newParentCode!, on: on)
        case .merged:
            let target = try unitNamed(try row.required(.into), row, .into, in: tx).unit
            try ReorganisationRules.validateRecordedMerge(unit, into: target, on: on, today: tx.today)
            try UnitChangeTable.insert(UnitChange(kind: .merged, on: on, unitCode: code, intoUnitCode: target.code), in: tx.connection)
        case .split:
            try ReorganisationRules.validateRecordedSplit(unit, on: on, today: tx.today)
            try UnitChangeTable.insert(UnitChange(kind: .split, on: on, unitCode: code), in: tx.connection)
        }
        report.added += 1
    }

    /// The change the row describes, with the cells its kind needs (an old value only as
    /// the row gives it).
    private func change(_ kind: UnitChangeKind, on day: Day, of unit: UnionRegister.Unit, _ row: CSVRow<UnitChangeColumn>,
                        in tx: WriteTransaction) throws -> UnitChange {
        switch kind {
        case .renamed:
            return UnitChange(kind: kind, on: day, unitCode: unit.code, oldName: row[.oldName].map(VietnameseText.normalized),
                              newName: VietnameseText.normalized(try row.required(.newName)))
        case .moved:
            let parent = try row.required(.newParent)
            _ = try unitNamed(parent, row, .newParent, in: tx)
            return UnitChange(kind: kind, on: day, unitCode: unit.code, oldParentCode: row[.oldParent], newParentCode: parent)
        case .merged:
            return UnitChange(kind: kind, on: day, unitCode: unit.code, intoUnitCode: try row.required(.into))
        case .split:
            return UnitChange(kind: kind, on: day, unitCode: unit.code)
        }
    }

    /// The unit with `code`, or a problem at `column` naming it.
    private func unitNamed(_ code: String, _ row: CSVRow<UnitChangeColumn>, _ column: UnitChangeColumn,
                           in tx: WriteTransaction) throws -> (id: Int64, unit: UnionRegister.Unit) {
        do {
            return try UnitTable.find(code, in: tx.connection)
        } catch let error as RegisterError {
            throw row.problem(column, error.message)
        }
    }

    /// A row's old value is the unit's value at this point of the file: changes of one unit
    /// come in date order after its row of the units file.
    private func expect(_ given: String?, is current: String?, column: UnitChangeColumn, _ row: CSVRow<UnitChangeColumn>, _ what: Text) throws {
        guard given != current else { return }
        throw row.problem(column, Text(
            vi: "Đơn vị \(row[.unit] ?? "") lúc này có \(what.vi) «\(current ?? "")», không phải «\(given ?? "")»: các thay đổi của một đơn vị đi theo thứ tự ngày, sau dòng của nó trong tệp đơn vị.",
            en: "Unit \(row[.unit] ?? "") has the \(what.en) “\(current ?? "")” at this point, not “\(given ?? "")”: a unit's changes come in date order, after its row of the units file."))
    }
}
