import UnionRegister

/// The fixed JSON shape of `report annual|period` (docs/CLI.md): one object per unit, children
/// nested. Every code of every group is present, zeros included, so the shape is the same
/// for every register; `units` has the report's `countedUnitKinds` (`bloc` only in
/// registers with nested blocs).
public struct ReportJSON: Encodable, Sendable {
    public var unit: String
    public var name: String
    public var kind: String
    public var from: String
    public var to: String
    public var units: [String: Int]
    public var members: Members
    public var grades: [String: Int]
    public var discipline: [String: Int]
    public var referral: Referral
    public var training: [String: Int]
    public var balanced: Bool
    public var fingerprint: String
    public var children: [ReportJSON]

    public struct Members: Encodable, Sendable {
        public var start, end, admitted, transferred_in, transferred_out, reorganised_in, reorganised_out, matured, removed,
            expelled, deceased, end_female, end_male: Int
    }

    public struct Referral: Encodable, Sendable {
        public var nominated, referred_to_class, referred, admitted, official, referred_to_class_since_admitted: Int
    }

    public init(_ figures: UnitFigures, report: YearEndReport) {
        self.init(figures, report: report, unitKinds: report.countedUnitKinds)
    }

    private init(_ figures: UnitFigures, report: YearEndReport, unitKinds: [UnitKind]) {
        let m = figures.members
        let r = figures.referral
        unit = figures.unit.code
        name = figures.unit.name
        kind = figures.unit.kind.rawValue
        from = report.period.from.description
        to = report.period.to.description
        units = Dictionary(uniqueKeysWithValues: unitKinds.map { ($0.rawValue, figures.units[$0] ?? 0) })
        members = Members(start: m.start, end: m.end, admitted: m.admitted, transferred_in: m.transferredIn,
                          transferred_out: m.transferredOut, reorganised_in: m.reorganisedIn,
                          reorganised_out: m.reorganisedOut, matured: m.matured, removed: m.removed,
                          expelled: m.expelled, deceased: m.deceased, end_female: m.endFemale, end_male: m.endMale)
        grades = Dictionary(uniqueKeysWithValues: Grade.allCases.map { ($0.rawValue, figures.grades.count($0)) })
        grades["not_graded"] = figures.grades.notGraded
        discipline = Dictionary(uniqueKeysWithValues: DisciplineLevel.allCases.map { ($0.rawValue, figures.discipline[$0] ?? 0) })
        referral = Referral(nominated: r.nominated, referred_to_class: r.referredToClass, referred: r.referred,
                            admitted: r.admitted, official: r.official,
                            referred_to_class_since_admitted: r.referredToClassSinceAdmitted)
        training = Dictionary(uniqueKeysWithValues: TrainingKind.allCases.map { ($0.rawValue, figures.training[$0] ?? 0) })
        balanced = m.isBalanced
        fingerprint = report.fingerprint
        children = figures.children.map { ReportJSON($0, report: report, unitKinds: unitKinds) }
    }
}
