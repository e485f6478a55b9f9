import Foundation
import UnionRegister

extension Register {
    /// Creates a register at `path` from a folder of interchange files (`samples/` is one):
    /// the first row of `units.csv` is the root bloc, then every file that exists is imported
    /// in `DataKind` order (`KIND.csv`), each all or nothing. Returns the import reports.
    public static func load(from folder: String, into path: String, command: String, clock: RegisterClock = .system) throws
        -> (Register, [ImportReport]) {
        let root = try loadedRoot(from: folder)
        let register = try create(at: path, name: root.name, rootCode: root.code, openedOn: root.openedOn, command: command, clock: clock)
        return (register, try register.load(from: folder))
    }

    /// The root bloc a folder of interchange files describes: the first row of its
    /// `units.csv`, which a new register is made with before the folder is loaded into it
    /// (on a file by `load(from:into:command:)`, on PostgreSQL by its own `create`).
    public static func loadedRoot(from folder: String) throws -> UnionRegister.Unit {
        let unitsFile = folder + "/units.csv"
        var table = try CSVTable<UnitColumn>(path: unitsFile)
        guard case .success(let row)? = try table.next(), let root = try? UnitImport.unit(from: row) else {
            throw RegisterError.badInput(Text(vi: "Dòng đầu của \(unitsFile) phải là đơn vị gốc (bloc).",
                                              en: "The first row of \(unitsFile) must be the root bloc."))
        }
        return root
    }

    /// Imports every file of the folder that exists into this register, just made with the
    /// folder's root (`loadedRoot`), in `DataKind` order, each all or nothing, on either engine.
    public func load(from folder: String) throws -> [ImportReport] {
        var reports: [ImportReport] = []
        for kind in DataKind.allCases {
            let file = folder + "/" + kind.rawValue + ".csv"
            guard FileManager.default.fileExists(atPath: file) else { continue }
            reports.append(try importFile(kind, from: file, dryRun: false))
        }
        return reports
    }
}
