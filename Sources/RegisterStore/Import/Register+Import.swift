import Foundation
import UnionRegister

extension Register {
    /// Imports members (columns: `MemberColumn`), all or nothing. New codes are admitted to
    /// their unit on their joining day; existing codes with changed facts are updated, each
    /// with its own audit row. With problems nothing is written and `ImportRefused` carries
    /// the report; with `dryRun` the report says what would happen.
    public func importMembers(from path: String, dryRun: Bool, today: Day, now: Date = Date(),
                              progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(MemberImport.self, from: path, dryRun: dryRun, today: today, now: now, progress: progress)
    }

    /// Imports a year's grades (columns: `GradeColumn`), all or nothing, checked with `GradeRule`.
    public func importGrades(from path: String, dryRun: Bool, today: Day, now: Date = Date(),
                             progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(GradeImport.self, from: path, dryRun: dryRun, today: today, now: now, progress: progress)
    }

    /// Imports training records (columns: `TrainingColumn`), all or nothing, checked with `TrainingRule`.
    public func importTrainings(from path: String, dryRun: Bool, today: Day, now: Date = Date(),
                                progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(TrainingImport.self, from: path, dryRun: dryRun, today: today, now: now, progress: progress)
    }

    /// Imports units (columns: `UnitColumn`), parents before children, all or nothing.
    public func importUnits(from path: String, dryRun: Bool, today: Day, now: Date = Date(),
                            progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(UnitImport.self, from: path, dryRun: dryRun, today: today, now: now, progress: progress)
    }

    /// Imports membership events after admission (columns: `EventColumn`), all or nothing.
    public func importEvents(from path: String, dryRun: Bool, today: Day, now: Date = Date(),
                             progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(EventImport.self, from: path, dryRun: dryRun, today: today, now: now, progress: progress)
    }

    /// Imports discipline decisions (columns: `DisciplineColumn`), all or nothing.
    public func importDiscipline(from path: String, dryRun: Bool, today: Day, now: Date = Date(),
                                 progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(DisciplineImport.self, from: path, dryRun: dryRun, today: today, now: now, progress: progress)
    }

    /// Imports referral steps (columns: `ReferralColumn`), all or nothing, each decided by
    /// the referral rules as the `referral` commands decide it.
    public func importReferrals(from path: String, dryRun: Bool, today: Day, now: Date = Date(),
                                progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        try runImport(ReferralImport.self, from: path, dryRun: dryRun, today: today, now: now, progress: progress)
    }
}
