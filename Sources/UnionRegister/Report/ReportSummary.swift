/// The figures of a year-end report as the sentences of the review conference's document,
/// each compared with the same figure of earlier years (docs/DOMAIN.md#the-conference-summary).
///
/// Every number comes from the `UnitFigures` of `report annual`, so a sentence and the
/// table always agree. A sentence whose figures are all zero is left out rather than saying
/// "0 đoàn viên"; within a sentence, zero parts are left out the same way.
public struct ReportSummary: Hashable, Sendable {
    public enum Topic: String, Sendable, CaseIterable {
        case organisation, movements, grades, referral, training
    }

    /// One figure a sentence states, by a stable key, with the same figure in each earlier year.
    public struct Figure: Hashable, Sendable {
        public var key: String
        public var value: Int
        /// The figure in each compared year, most recent first.
        public var earlier: [Earlier]
    }

    public struct Earlier: Hashable, Sendable {
        public var year: Int
        public var value: Int
    }

    public struct Sentence: Hashable, Sendable {
        public var topic: Topic
        public var text: Text
        public var figures: [Figure]
    }

    public var unit: Unit
    public var year: Int
    public var sentences: [Sentence]

    /// `current` is the year's report; `earlier` the reports of the years compared with, most
    /// recent first, each of the same unit.
    public init(current: YearEndReport, earlier: [YearEndReport]) {
        let figures = current.root
        unit = figures.unit
        year = current.period.from.year
        let years = earlier.map { (year: $0.period.from.year, root: $0.root) }
        func figure(_ key: String, _ value: (UnitFigures) -> Int) -> Figure {
            Figure(key: key, value: value(figures), earlier: years.map { Earlier(year: $0.year, value: value($0.root)) })
        }
        sentences = [
            Self.organisation(figures, members: figure("members", { $0.members.end }), on: current.period.to),
            Self.movements(figures, year: year, admitted: figure("admitted", { $0.members.admitted })),
            Self.grades(figures, year: year, excellent: figure("excellent", { $0.grades.count(.excellent) })),
            Self.referral(figures, toClass: figure("referred_to_class", { $0.referral.referredToClass }),
                          admitted: figure("admitted_to_party", { $0.referral.admitted })),
            Self.training(figures, partyAwareness: figure("party_awareness", { $0.training[.partyAwareness] ?? 0 })),
        ].compactMap { $0 }
    }

    /// "tăng 120 đoàn viên so với năm 2024; bằng năm 2023": one clause per compared year,
    /// nil when nothing is compared.
    private static func clauses(_ figure: Figure, noun: Text) -> Text? {
        let clauses = figure.earlier.map { earlier -> Text in
            let change = figure.value - earlier.value
            if change == 0 { return Text(vi: "bằng năm \(earlier.year)", en: "the same as in \(earlier.year)") }
            let amount = Text(vi: Numerals.count(abs(change), .vi), en: Numerals.count(abs(change), .en))
            return change > 0
                ? Text(vi: "tăng \(amount.vi) \(noun.vi) so với năm \(earlier.year)", en: "\(amount.en) more than in \(earlier.year)")
                : Text(vi: "giảm \(amount.vi) \(noun.vi) so với năm \(earlier.year)", en: "\(amount.en) fewer than in \(earlier.year)")
        }
        guard !clauses.isEmpty else { return nil }
        return Text(vi: clauses.map(\.vi).joined(separator: "; "), en: clauses.map(\.en).joined(separator: "; "))
    }

    /// The clauses in parentheses after a figure, or nothing.
    private static func compared(_ figure: Figure, noun: Text) -> Text {
        clauses(figure, noun: noun).map { Text(vi: " (\($0.vi))", en: " (\($0.en))") } ?? Text(vi: "", en: "")
    }

    /// "1 member", "3 members": English counts of people.
    private static func members(_ n: Int, _ noun: String = "member") -> String {
        "\(Numerals.count(n, .en)) \(noun)\(n == 1 ? "" : "s")"
    }

    /// A name as it reads inside a sentence: its first letter in lower case only, so
    /// "Lớp bồi dưỡng nhận thức về Đảng" keeps the capital of "Đảng".
    private static func inSentence(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }

    /// `a, b và c`, with `comparison` right after the first part.
    private static func joined(_ parts: [String], last: String, comparisonAfterFirst comparison: String) -> String {
        var parts = parts
        parts[0] += comparison
        guard parts.count > 1 else { return parts[0] }
        return parts.dropLast().joined(separator: ", ") + last + parts.last!
    }

    static func organisation(_ f: UnitFigures, members: Figure, on day: Day) -> Sentence? {
        let direct = f.children.filter { $0.unit.isOpen(on: day) }
        let unions = direct.filter { $0.unit.kind == .grassrootsUnion }.count
        let branches = direct.filter { $0.unit.kind == .grassrootsBranch }.count
        guard !direct.isEmpty || members.value > 0 else { return nil }
        let n = { (value: Int, language: Language) in Numerals.count(value, language) }
        // Under a bloc stand grassroots organisations; under a grassroots union, its branches.
        let below = f.unit.kind == .bloc ? Text(vi: "cơ sở đoàn", en: "organisations") : Text(vi: "chi đoàn", en: "branches")
        var vi = "\(f.unit.name) hiện có \(n(direct.count, .vi)) \(below.vi) trực thuộc"
        var en = "\(f.unit.name) has \(n(direct.count, .en)) \(below.en) directly under it"
        let kinds = [(unions, "đoàn cơ sở", "grassroots unions"), (branches, "chi đoàn cơ sở", "grassroots branches")].filter { $0.0 > 0 }
        if !kinds.isEmpty {
            vi += ", trong đó có " + kinds.map { "\(n($0.0, .vi)) \($0.1)" }.joined(separator: " và ")
            en += ", of which " + kinds.map { "\(n($0.0, .en)) \($0.2)" }.joined(separator: " and ")
        }
        let comparison = compared(members, noun: Text(vi: "đoàn viên", en: "members"))
        vi += ", với tổng số \(n(members.value, .vi)) đoàn viên" + comparison.vi
        en += ", with \(n(members.value, .en)) members in all" + comparison.en
        if let share = Percentage(f.members.endFemale, of: f.members.end), f.members.endFemale > 0 {
            vi += "; nữ \(n(f.members.endFemale, .vi)) đoàn viên, chiếm \(Numerals.share(share, .vi))"
            en += "; \(n(f.members.endFemale, .en)) of them women, \(Numerals.share(share, .en))"
        }
        return Sentence(topic: .organisation, text: Text(vi: vi + ".", en: en + "."), figures: [members])
    }

    static func movements(_ f: UnitFigures, year: Int, admitted: Figure) -> Sentence? {
        let m = f.members
        let parts: [(Int, Text)] = [
            (m.admitted, Text(vi: "kết nạp \(Numerals.count(m.admitted, .vi)) đoàn viên mới", en: "\(members(m.admitted, "new member")) admitted")),
            (m.transferredIn, Text(vi: "tiếp nhận \(Numerals.count(m.transferredIn, .vi)) đoàn viên chuyển đến", en: "\(members(m.transferredIn)) arrived")),
            (m.transferredOut, Text(vi: "\(Numerals.count(m.transferredOut, .vi)) đoàn viên chuyển đi", en: "\(members(m.transferredOut)) left")),
            (m.matured, Text(vi: "\(Numerals.count(m.matured, .vi)) đoàn viên trưởng thành", en: "\(members(m.matured)) matured")),
            (m.removed, Text(vi: "xóa tên \(Numerals.count(m.removed, .vi)) đoàn viên", en: "\(members(m.removed)) removed")),
            (m.expelled, Text(vi: "khai trừ \(Numerals.count(m.expelled, .vi)) đoàn viên", en: "\(members(m.expelled)) expelled")),
        ].filter { $0.0 != 0 }
        guard !parts.isEmpty else { return nil }
        let comparison = m.admitted > 0 ? compared(admitted, noun: Text(vi: "đoàn viên mới", en: "new members")) : Text(vi: "", en: "")
        return Sentence(topic: .movements, text: Text(
            vi: "Trong năm \(year), " + joined(parts.map(\.1.vi), last: " và ", comparisonAfterFirst: comparison.vi) + ".",
            en: "In \(year): " + joined(parts.map(\.1.en), last: " and ", comparisonAfterFirst: comparison.en) + "."),
            figures: [admitted])
    }

    static func grades(_ f: UnitFigures, year: Int, excellent: Figure) -> Sentence? {
        let graded = Grade.allCases.sorted(by: >).filter { f.grades.count($0) > 0 }
        guard !graded.isEmpty else { return nil }
        // The share, and for the excellent grade its comparisons, in one parenthesis.
        let compared = clauses(excellent, noun: Text(vi: "đoàn viên", en: ""))
        let part = { (grade: Grade, language: Language) -> String in
            let count = f.grades.count(grade)
            let notes = [Percentage(count, of: f.members.end).map { Numerals.share($0, language) },
                         grade == .excellent ? compared?(language) : nil].compactMap { $0 }
            return "\(Numerals.count(count, language)) \(language == .vi ? "đoàn viên " + inSentence(grade.name.vi) : inSentence(grade.name.en))"
                + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
        }
        return Sentence(topic: .grades, text: Text(
            vi: "Kết quả xếp loại đoàn viên năm \(year): " + joined(graded.map { part($0, .vi) }, last: " và ", comparisonAfterFirst: "") + ".",
            en: "Members' grades for \(year): " + joined(graded.map { part($0, .en) }, last: " and ", comparisonAfterFirst: "") + "."),
            figures: [excellent])
    }

    static func referral(_ f: UnitFigures, toClass: Figure, admitted: Figure) -> Sentence? {
        let r = f.referral
        guard r.referredToClass > 0 || r.referred > 0 || r.admitted > 0 else { return nil }
        var vi: [String] = [], en: [String] = []
        if r.referredToClass > 0 {
            let comparison = compared(toClass, noun: Text(vi: "đoàn viên", en: "members"))
            var sentenceVi = "Giới thiệu cho Đảng \(Numerals.count(r.referredToClass, .vi)) đoàn viên ưu tú học lớp Đối tượng kết nạp Đảng" + comparison.vi
            var sentenceEn = "\(members(r.referredToClass, "outstanding member")) referred to the Party's class for admission candidates" + comparison.en
            if r.referredToClassSinceAdmitted > 0 {
                sentenceVi += "; trong đó có \(Numerals.count(r.referredToClassSinceAdmitted, .vi)) đoàn viên ưu tú được kết nạp vào Đảng Cộng sản Việt Nam"
                sentenceEn += "; of them, \(Numerals.count(r.referredToClassSinceAdmitted, .en)) were admitted to the Communist Party of Vietnam"
            }
            vi.append(sentenceVi + ".")
            en.append(sentenceEn + ".")
        }
        if r.referred > 0 {
            vi.append("Ban hành \(Numerals.count(r.referred, .vi)) nghị quyết giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp.")
            en.append("\(Numerals.count(r.referred, .en)) referral resolutions put outstanding members forward to the Party.")
        }
        if r.admitted > 0 {
            let comparison = compared(admitted, noun: Text(vi: "đoàn viên", en: "members"))
            vi.append("Trong năm có \(Numerals.count(r.admitted, .vi)) đoàn viên được kết nạp vào Đảng\(comparison.vi).")
            en.append("\(members(r.admitted)) admitted to the Party during the year\(comparison.en).")
        }
        return Sentence(topic: .referral, text: Text(vi: vi.joined(separator: " "), en: en.joined(separator: " ")), figures: [toClass, admitted])
    }

    static func training(_ f: UnitFigures, partyAwareness: Figure) -> Sentence? {
        let kinds = TrainingKind.allCases.filter { (f.training[$0] ?? 0) > 0 }
        guard !kinds.isEmpty else { return nil }
        let comparison = compared(partyAwareness, noun: Text(vi: "lượt", en: ""))
        let vi = kinds.map { kind -> String in
            "\(Numerals.count(f.training[kind]!, .vi)) lượt \(inSentence(kind.name.vi))" + (kind == .partyAwareness ? comparison.vi : "")
        }
        let en = kinds.map { kind -> String in
            "\(Numerals.count(f.training[kind]!, .en)) completion\(f.training[kind]! == 1 ? "" : "s") of \(inSentence(kind.name.en))" + (kind == .partyAwareness ? comparison.en : "")
        }
        return Sentence(topic: .training, text: Text(vi: "Học tập, bồi dưỡng: " + vi.joined(separator: "; ") + ".",
                                                     en: "Training: " + en.joined(separator: "; ") + "."),
                        figures: [partyAwareness])
    }
}
