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
    public var profile: Profile
    public var unit_grades: [String: Int]
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

    /// The members at end (docs/CLI.md): every key present, zeros included.
    public struct Profile: Encodable, Sendable {
        public var female, male, ethnic_minority, religious, office_holders: Int
        public var age_bands, education, theory, party_members: [String: Int]

        init(_ figures: UnitFigures) {
            let p = figures.profile
            female = figures.members.endFemale
            male = figures.members.endMale
            ethnic_minority = p.ethnicMinority
            religious = p.religious
            office_holders = p.officeHolders
            age_bands = ReportJSON.everyCode(p.ageBands)
            education = ReportJSON.everyCode(p.education)
            theory = ReportJSON.everyCode(p.theory)
            party_members = ReportJSON.everyCode(p.partyMembers)
        }
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
        grades = Self.counts(figures.grades)
        profile = Profile(figures)
        unit_grades = Self.counts(figures.unitGrades)
        discipline = Self.everyCode(figures.discipline)
        referral = Referral(nominated: r.nominated, referred_to_class: r.referredToClass, referred: r.referred,
                            admitted: r.admitted, official: r.official,
                            referred_to_class_since_admitted: r.referredToClassSinceAdmitted)
        training = Self.everyCode(figures.training)
        balanced = m.isBalanced
        fingerprint = report.fingerprint
        children = figures.children.map { ReportJSON($0, report: report, unitKinds: unitKinds) }
    }

    /// Every code of the group with its count, zeros included (the shape is the same for
    /// every register).
    static func everyCode<Code: CaseIterable & RawRepresentable>(_ counts: [Code: Int]) -> [String: Int]
    where Code.RawValue == String {
        Dictionary(uniqueKeysWithValues: Code.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
    }

    /// Each grade's count and `not_graded`.
    private static func counts(_ grades: GradeFigures) -> [String: Int] {
        var counts = Dictionary(uniqueKeysWithValues: Grade.allCases.map { ($0.rawValue, grades.count($0)) })
        counts["not_graded"] = grades.notGraded
        return counts
    }
}
