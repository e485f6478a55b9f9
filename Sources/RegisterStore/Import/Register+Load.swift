import Foundation
import UnionRegister

extension Register {
    /// Creates a register at `path` from a folder of interchange files (`samples/` is one):
    /// the first row of `units.csv` is the root bloc, then every file that exists is imported
    /// in `DataKind` order (`KIND.csv`), each all or nothing. Returns the import reports.
    public static func load(from folder: String, into path: String, command: String, clock: RegisterClock = .system) throws
        -> (Register, [ImportReport]) {
        let unitsFile = folder + "/units.csv"
        var table = try CSVTable<UnitColumn>(path: unitsFile)
        guard case .success(let row)? = try table.next(), let root = try? UnitImport.unit(from: row) else {
            throw RegisterError.badInput(Text(vi: "Dòng đầu của \(unitsFile) phải là đơn vị gốc (bloc).",
                                              en: "The first row of \(unitsFile) must be the root bloc."))
        }
        let register = try create(at: path, name: root.name, rootCode: root.code, openedOn: root.openedOn, command: command, clock: clock)
        var reports: [ImportReport] = []
        for kind in DataKind.allCases {
            let file = folder + "/" + kind.rawValue + ".csv"
            guard FileManager.default.fileExists(atPath: file) else { continue }
            reports.append(try register.importFile(kind, from: file, dryRun: false))
        }
        return (register, reports)
    }
}
