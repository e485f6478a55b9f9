import Foundation
import UnionRegister

/// The kinds of data file `sodoan import` reads and `sodoan export` writes, in the same
/// columns both ways, and in the order a whole register loads: each kind needs what the
/// ones before it hold (units before members, events before grades, grades
/// and trainings before discipline, everything before referrals).
public enum DataKind: String, CaseIterable, Sendable {
    case units, members, events, grades, trainings, discipline, referrals

    /// Runs this kind of import of `file` into `register`.
    public func run(_ register: Register, file: String, dryRun: Bool, today: Day,
                    progress: ((BulkProgress) -> Void)? = nil) throws -> ImportReport {
        switch self {
        case .units: return try register.importUnits(from: file, dryRun: dryRun, today: today, progress: progress)
        case .members: return try register.importMembers(from: file, dryRun: dryRun, today: today, progress: progress)
        case .events: return try register.importEvents(from: file, dryRun: dryRun, today: today, progress: progress)
        case .grades: return try register.importGrades(from: file, dryRun: dryRun, today: today, progress: progress)
        case .trainings: return try register.importTrainings(from: file, dryRun: dryRun, today: today, progress: progress)
        case .discipline: return try register.importDiscipline(from: file, dryRun: dryRun, today: today, progress: progress)
        case .referrals: return try register.importReferrals(from: file, dryRun: dryRun, today: today, progress: progress)
        }
    }
}
