import GRDB
import UnionRegister

/// SQL functions that let queries use the domain's Vietnamese text rules, so that search
/// and ordering done in SQL agree with the Swift ones exactly.
enum VietnameseSQLFunctions {
    /// `vn_fold(text)`: the diacritic-blind, lower-case form `--search` compares.
    static let fold = DatabaseFunction("vn_fold", argumentCount: 1, pure: true) { values in
        String.fromDatabaseValue(values[0]).map(VietnameseText.fold)
    }

    static func install(in db: Database) {
        db.add(function: fold)
    }
}
