import RegisterStore
import UnionRegister

/// The one home of the command line's own wording, in both languages: the column headings
/// its tables share and the sentences its commands print when they are done. The domain
/// words its rules, refusals and evidence itself (`Text` in UnionRegister); everything the
/// CLI adds is here, so a term reads the same in every table and a translation is made once.
enum Heading {
    static let code = Text(vi: "Mã", en: "Code")
    static let fullName = Text(vi: "Họ và tên", en: "Name")
    static let branch = Text(vi: "Chi đoàn", en: "Branch")
    static let unit = Text(vi: "Đơn vị", en: "Unit")
    static let year = Text(vi: "Năm", en: "Year")
    static let grade = Text(vi: "Xếp loại", en: "Grade")
    static let kind = Text(vi: "Loại", en: "Kind")
    static let members = Text(vi: "Đoàn viên", en: "Members")
    static let note = Text(vi: "Ghi chú", en: "Note")
    static let stage = Text(vi: "Bước", en: "Stage")
    static let criterion = Text(vi: "Tiêu chí", en: "Criterion")
    static let evidence = Text(vi: "Căn cứ", en: "Evidence")
    static let missing = Text(vi: "Còn thiếu", en: "Missing")
    static let started = Text(vi: "Bắt đầu", en: "Started")
    static let completed = Text(vi: "Hoàn thành", en: "Completed")
}

/// What a command prints when it has done what was asked.
enum Says {
    static func unitAdded(_ kind: UnitKind, _ code: String, _ name: String) -> Text {
        Text(vi: "Đã thêm \(kind.name.vi) \(code) — \(name).", en: "Added \(kind.name.en) \(code) — \(name).")
    }

    static func unitClosed(_ code: String, on day: Day) -> Text {
        Text(vi: "Đã giải thể \(code) từ ngày \(day).", en: "Closed \(code) from \(day).")
    }

    static func unitCorrected(_ unit: Unit) -> Text {
        Text(vi: "Đã sửa \(unit.code) — \(unit.name), thành lập \(unit.openedOn).",
             en: "Corrected \(unit.code) — \(unit.name), opened \(unit.openedOn).")
    }

    static func memberAdded(_ member: Member, to unit: String, _ arrival: Arrival?) -> Text {
        guard let arrival else {
            return Text(vi: "Đã kết nạp \(member.fullName) (mã \(member.code)) vào \(unit) ngày \(member.joinedOn).",
                        en: "Registered \(member.fullName) (code \(member.code)) in \(unit) from \(member.joinedOn).")
        }
        if let until = arrival.until {
            return Text(vi: "Đã ghi \(member.fullName) (mã \(member.code)) sinh hoạt tạm thời tại \(unit) từ \(arrival.on) đến hết \(until).",
                        en: "Recorded \(member.fullName) (code \(member.code)) hosted in \(unit) from \(arrival.on) through \(until).")
        }
        return Text(vi: "Đã ghi \(member.fullName) (mã \(member.code), vào Đoàn \(member.joinedOn)) chuyển đến \(unit) từ \(arrival.from) ngày \(arrival.on).",
                    en: "Registered \(member.fullName) (code \(member.code), in the Union since \(member.joinedOn)) arriving in \(unit) from \(arrival.from) on \(arrival.on).")
    }

    static func memberArrived(_ code: String, in unit: String, _ arrival: Arrival) -> Text {
        Text(vi: "Đã ghi \(code) chuyển sinh hoạt đến \(unit) từ \(arrival.from) ngày \(arrival.on).",
             en: "Recorded \(code) arriving in \(unit) from \(arrival.from) on \(arrival.on).")
    }

    static func memberLeft(_ code: String, to place: String, on day: Day) -> Text {
        Text(vi: "Đã ghi \(code) chuyển sinh hoạt đi \(place) ngày \(day); in giấy giới thiệu bằng `sodoan member letter \(code)`.",
             en: "Recorded \(code) leaving to \(place) on \(day); print the letter with `sodoan member letter \(code)`.")
    }

    static func memberAway(_ code: String, at place: String, from day: Day, through last: Day) -> Text {
        Text(vi: "Đã ghi \(code) sinh hoạt tạm thời tại \(place) từ \(day) đến hết \(last).",
             en: "Recorded \(code) away at \(place) from \(day) through \(last).")
    }

    static func backedUp(to path: String) -> Text {
        Text(vi: "Đã sao lưu sổ vào \(path).", en: "Backed up the register to \(path).")
    }

    static func policySet(_ key: Policy.Key, _ value: String) -> Text {
        Text(vi: "Đã đặt \(key.rawValue) = \(value).", en: "Set \(key.rawValue) = \(value).")
    }

    static func referralRecorded(_ step: ReferralStep, of code: String) -> Text {
        let vote = step.vote.map { Text(vi: ", tán thành \($0.ratio)", en: ", for \($0.ratio)") } ?? Text(vi: "", en: "")
        return Text(vi: "Đã ghi «\(step.stage.name.vi)» cho \(code) ngày \(step.on)\(vote.vi).",
                    en: "Recorded \(step.stage.name.en) for \(code) on \(step.on)\(vote.en).")
    }

    static func gradeSet(_ change: GradeChange) -> Text {
        let was = change.old.flatMap { $0 == change.new ? nil : $0 }
        return Text(vi: "Đã xếp loại \(change.fullName) (\(change.memberCode)) năm \(change.year): \(change.new.name.vi)"
                        + (was.map { " (trước đây: \($0.name.vi))" } ?? "") + ".",
                    en: "Graded \(change.fullName) (\(change.memberCode)) for \(change.year): \(change.new.name.en)"
                        + (was.map { " (was: \($0.name.en))" } ?? "") + ".")
    }

    static func trainingRecorded(_ record: TrainingRecord, of code: String) -> Text {
        Text(vi: "Đã ghi \(record.kind.name.vi) (hoàn thành \(record.completedOn)) cho đoàn viên \(code).",
             en: "Recorded \(record.kind.name.en) (completed \(record.completedOn)) for member \(code).")
    }

    static func disciplineRecorded(_ record: DisciplineRecord, of code: String) -> Text {
        let ends = record.level == .expulsion
        return Text(vi: "Đã ghi kỷ luật \(record.level.name.vi.lowercased()) đoàn viên \(code) ngày \(record.on)."
                        + (ends ? " Đoàn viên thôi sinh hoạt Đoàn từ ngày \(record.on)." : ""),
                    en: "Recorded a \(record.level.name.en) of member \(code) on \(record.on)."
                        + (ends ? " Membership ends on \(record.on)." : ""))
    }

    static func duesStart(_ month: Month) -> Text {
        Text(vi: "Sổ tính đoàn phí từ tháng \(month.vietnamese).", en: "The register keeps dues from \(month).")
    }

    static func duesRateSet(_ rate: DuesRate) -> Text {
        Text(vi: "Mức đoàn phí \(rate.duesClass.name.vi.lowercased()) từ tháng \(rate.from.vietnamese): \(Money.text(rate.amount, .vi)) một tháng.",
             en: "Dues for \(rate.duesClass.name.en.lowercased()) members from \(rate.from): \(Money.text(rate.amount, .en)) a month.")
    }

    static func duesClassSet(_ change: DuesClassChange, of code: String) -> Text {
        Text(vi: "\(code) đóng đoàn phí loại \(change.duesClass.name.vi.lowercased()) từ tháng \(change.from.vietnamese).",
             en: "\(code) pays dues as \(change.duesClass.name.en.lowercased()) from \(change.from).")
    }

    static func duesPaid(_ payment: DuesPayment, by code: String) -> Text {
        Text(vi: "Đã ghi \(code) đóng \(Money.text(payment.amount, .vi)) đoàn phí từ tháng \(payment.from.vietnamese) đến tháng \(payment.through.vietnamese) ngày \(payment.on).",
             en: "Recorded \(Money.text(payment.amount, .en)) of dues from \(code) for \(payment.from) through \(payment.through) on \(payment.on).")
    }

    static func duesExempt(_ exemption: DuesExemption, of code: String) -> Text {
        Text(vi: "Đã ghi miễn đoàn phí cho \(code) từ tháng \(exemption.from.vietnamese) đến tháng \(exemption.to.vietnamese) (quyết định \(exemption.decisionNo)).",
             en: "Recorded \(code)'s exemption from dues from \(exemption.from) through \(exemption.to) (decision \(exemption.decisionNo)).")
    }

    static func checkDone(errors: Int, warnings: Int) -> Text {
        Text(vi: "Kiểm tra xong: \(errors) lỗi, \(warnings) lưu ý.", en: "Check done: \(errors) errors, \(warnings) warnings.")
    }
}

extension Finding.Severity {
    /// The label `check` prints before a finding.
    var label: Text {
        switch self {
        case .error: return Text(vi: "LỖI", en: "ERROR")
        case .warning: return Text(vi: "Lưu ý", en: "warning")
        }
    }
}

extension TextTable {
    /// A table whose headings are picked in `language`.
    init(_ header: [Text], _ language: Language, rightAligned: Set<Int> = []) {
        self.init(header.map { $0(language) }, rightAligned: rightAligned)
    }
}

extension RegisterCommand {
    /// Prints `text` in the command's language.
    func say(_ text: Text) {
        print(text(global.language))
    }
}
