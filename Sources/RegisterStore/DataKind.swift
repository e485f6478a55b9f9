import Foundation
import UnionRegister

/// The kinds of data file `sodoan import` reads and `sodoan export` writes, in the same
/// columns both ways, and in the order a whole register loads: each kind needs what the
/// ones before it hold (units before members, events before offices and grades, offices,
/// grades and trainings before discipline, everything before referrals, and dues last;
/// unit grades need only the units).
public enum DataKind: String, CaseIterable, Sendable {
    case units, members, events, offices, grades
    case unitGrades = "unit-grades"
    case trainings, discipline, referrals, dues

    /// The import that reads this kind of file.
    var importer: any RowImport.Type {
        switch self {
        case .units: return UnitImport.self
        case .members: return MemberImport.self
        case .events: return EventImport.self
        case .offices: return OfficeImport.self
        case .grades: return GradeImport.self
        case .unitGrades: return UnitGradeImport.self
        case .trainings: return TrainingImport.self
        case .discipline: return DisciplineImport.self
        case .referrals: return ReferralImport.self
        case .dues: return DuesImport.self
        }
    }

    /// The columns of this kind's files, in the order export writes them: what the import
    /// help lists and the export header holds.
    public var columns: [DataColumn] {
        func described<Column: CSVColumns>(_ type: Column.Type) -> [DataColumn] {
            Column.allCases.map { DataColumn(name: $0.rawValue, aliases: $0.aliases, isRequired: $0.isRequired, isPersonal: $0.isPersonal) }
        }
        return described(importer.columnType)
    }
}

/// One column of a data file, as the import help and the export header show it.
public struct DataColumn: Sendable, Equatable {
    /// The English header, which export writes.
    public var name: String
    /// Other headers import accepts for it (the Vietnamese ones).
    public var aliases: [String]
    /// A row without it cannot be imported.
    public var isRequired: Bool
    /// Personal data: exported only when asked for.
    public var isPersonal: Bool
}

extension RowImport {
    static var columnType: Column.Type { Column.self }
}

extension Register {
    /// Imports a file of `kind` (its columns: `kind.columns`), CSV or a sheet of an .xlsx
    /// workbook (`sheet`, default the first), all or nothing: every row is checked and
    /// written by the same rules and writes as the matching command. With problems nothing
    /// is written and `ImportRefused` carries the report; with `dryRun` the report says
    /// what would happen and nothing is written.
    public func importFile(_ kind: DataKind, from path: String, sheet: String? = nil, dryRun: Bool,
                           progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(kind.importer, from: path, sheet: sheet, dryRun: dryRun, progress: progress)
    }
}
