import UnionRegister

/// One value of a report table, before it is formatted for a language.
public enum ReportCell {
    case count(Int)
    /// A count with its share of the members at end (grades).
    case share(Int, Percentage?)
    case balanced(Bool)

    public func text(_ language: Language) -> String {
        switch self {
        case .count(let n): return String(n)
        case .share(let n, let percentage): return "\(n) (\(percentage?.formatted(language) ?? "—"))"
        case .balanced(let ok): return ok ? "✓" : Text(vi: "✗ KHÔNG", en: "✗ NO")(language)
        }
    }

    /// CSV cells are numbers and booleans only: shares are left to the spreadsheet.
    public var csv: String {
        switch self {
        case .count(let n), .share(let n, _): return String(n)
        case .balanced(let ok): return ok ? "true" : "false"
        }
    }
}

/// One column of a report table: its heading, its CSV name, and how it reads a unit.
public struct ReportColumn {
    public var heading: Text
    public var csvName: String
    public var cell: (UnitFigures) -> ReportCell

    init(_ heading: Text, csv csvName: String, _ count: @escaping (UnitFigures) -> Int) {
        self.init(heading, csv: csvName, cell: { .count(count($0)) })
    }

    init(_ heading: Text, csv csvName: String, cell: @escaping (UnitFigures) -> ReportCell) {
        self.heading = heading
        self.csvName = csvName
        self.cell = cell
    }
}

/// A table of the report: one row per unit of the tree, these columns. The same sections
/// make the text, Markdown, HTML and CSV renderings and the report page, so they cannot
/// disagree.
public struct ReportSection {
    public var title: Text
    public var columns: [ReportColumn]

    /// The report's sections, in the order the conference reads them.
    public static func all(for report: YearEndReport) -> [ReportSection] {
        let year = report.period.gradeYear
        return [
            ReportSection(title: Text(vi: "Tổ chức Đoàn", en: "Units"), columns: report.countedUnitKinds.map { kind in
                ReportColumn(kind.name, csv: "units_\(kind.rawValue)") { $0.units[kind] ?? 0 }
            }),
            ReportSection(title: Text(vi: "Đoàn viên", en: "Members"), columns: [
                ReportColumn(Text(vi: "Đoàn viên đầu kỳ", en: "At start"), csv: "members_start") { $0.members.start },
                ReportColumn(Text(vi: "Kết nạp mới", en: "Admitted"), csv: "members_admitted") { $0.members.admitted },
                ReportColumn(Text(vi: "Chuyển đến", en: "Transferred in"), csv: "members_transferred_in") { $0.members.transferredIn },
                ReportColumn(Text(vi: "Chuyển đi", en: "Transferred out"), csv: "members_transferred_out") { $0.members.transferredOut },
                ReportColumn(Text(vi: "Chuyển đến do sắp xếp tổ chức", en: "Reorganised in"), csv: "members_reorganised_in") { $0.members.reorganisedIn },
                ReportColumn(Text(vi: "Chuyển đi do sắp xếp tổ chức", en: "Reorganised out"), csv: "members_reorganised_out") { $0.members.reorganisedOut },
                ReportColumn(Text(vi: "Trưởng thành", en: "Matured"), csv: "members_matured") { $0.members.matured },
                ReportColumn(Text(vi: "Xóa tên", en: "Removed"), csv: "members_removed") { $0.members.removed },
                ReportColumn(Text(vi: "Khai trừ", en: "Expelled"), csv: "members_expelled") { $0.members.expelled },
                ReportColumn(Text(vi: "Từ trần", en: "Deceased"), csv: "members_deceased") { $0.members.deceased },
                ReportColumn(Text(vi: "Cuối kỳ", en: "At end"), csv: "members_end") { $0.members.end },
                ReportColumn(Text(vi: "Nữ", en: "Female"), csv: "members_end_female") { $0.members.endFemale },
                ReportColumn(Text(vi: "Nam", en: "Male"), csv: "members_end_male") { $0.members.endMale },
                ReportColumn(Text(vi: "Cân đối", en: "Balanced"), csv: "balanced") { .balanced($0.members.isBalanced) },
            ]),
            ReportSection(title: Text(vi: "Xếp loại đoàn viên năm \(year) (tỷ lệ trên số đoàn viên cuối kỳ)",
                                      en: "Member grades for \(year) (share of members at end)"),
                          columns: Grade.allCases.map { grade in
                ReportColumn(grade.name, csv: "grade_\(grade.rawValue)") { .share($0.grades.count(grade), $0.grades.percentage(grade, ofMembers: $0.members.end)) }
            } + [
                ReportColumn(Text(vi: "Chưa xếp loại", en: "Not graded"), csv: "grade_not_graded") {
                    .share($0.grades.notGraded, $0.grades.percentage(nil, ofMembers: $0.members.end))
                },
            ]),
            ReportSection(title: Text(vi: "Đặc điểm đoàn viên cuối kỳ", en: "Members at end: profile"), columns: [
                ReportColumn(Text(vi: "Nữ", en: "Female"), csv: "profile_female") { $0.members.endFemale },
                ReportColumn(Text(vi: "Nam", en: "Male"), csv: "profile_male") { $0.members.endMale },
                ReportColumn(Text(vi: "Dân tộc thiểu số", en: "Ethnic minority"), csv: "profile_ethnic_minority") { $0.profile.ethnicMinority },
                ReportColumn(Text(vi: "Có tôn giáo", en: "Religious"), csv: "profile_religious") { $0.profile.religious },
            ] + AgeBand.allCases.map { band in
                ReportColumn(band.name, csv: "profile_age_" + band.rawValue.replacingOccurrences(of: "-", with: "_")) { $0.profile.ageBands[band] ?? 0 }
            } + PartyStanding.allCases.map { standing in
                ReportColumn(standing.name, csv: "profile_party_\(standing.rawValue)") { $0.profile.partyMembers[standing] ?? 0 }
            } + [
                ReportColumn(Text(vi: "Giữ chức vụ Đoàn", en: "Office holders"), csv: "profile_office_holders") { $0.profile.officeHolders },
            ]),
            ReportSection(title: Text(vi: "Trình độ đoàn viên cuối kỳ", en: "Members at end: education and political theory"),
                          columns: EducationLevel.allCases.map { level in
                ReportColumn(level.name, csv: "profile_education_" + level.rawValue.replacingOccurrences(of: "-", with: "_")) { $0.profile.education[level] ?? 0 }
            } + TheoryLevel.allCases.map { level in
                ReportColumn(Text(vi: "LLCT: \(level.name.vi)", en: "Theory: \(level.name.en)"), csv: "profile_theory_\(level.rawValue)") { $0.profile.theory[level] ?? 0 }
            }),
            ReportSection(title: Text(vi: "Xếp loại tổ chức cơ sở đoàn, chi đoàn năm \(year) (đơn vị trực thuộc)",
                                      en: "Unit grades for \(year) (units below)"),
                          columns: Grade.allCases.map { grade in
                ReportColumn(grade.name, csv: "unit_grade_\(grade.rawValue)") { $0.unitGrades.count(grade) }
            } + [
                ReportColumn(Text(vi: "Chưa xếp loại", en: "Not graded"), csv: "unit_grade_not_graded") { $0.unitGrades.notGraded },
            ]),
            ReportSection(title: Text(vi: "Kỷ luật", en: "Discipline"), columns: DisciplineLevel.allCases.map { level in
                ReportColumn(level.name, csv: "discipline_\(level.rawValue)") { $0.discipline[level] ?? 0 }
            }),
            ReportSection(title: Text(vi: "Giới thiệu đoàn viên ưu tú cho Đảng", en: "Outstanding members referred to the Party"),
                          columns: ReferralFigures.countedStages.map { stage in
                ReportColumn(stage.name, csv: "referral_" + stage.rawValue.replacingOccurrences(of: "-", with: "_")) { $0.referral.count(stage) }
            } + [
                ReportColumn(Text(vi: "Trong số giới thiệu học lớp, đã kết nạp Đảng", en: "Of those referred to class, admitted"),
                             csv: "referral_referred_to_class_since_admitted") { $0.referral.referredToClassSinceAdmitted },
            ]),
            ReportSection(title: Text(vi: "Học tập, bồi dưỡng (số lượt hoàn thành)", en: "Training completed"),
                          columns: TrainingKind.allCases.map { kind in
                ReportColumn(kind.name, csv: "training_\(kind.rawValue)") { $0.training[kind] ?? 0 }
            }),
        ]
    }
}
