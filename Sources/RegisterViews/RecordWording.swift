import UnionRegister

/// How a member's records read in words, the same on the command line and on a page: each
/// says what happened, without the date (callers show it beside).
public enum RecordWording {
    public static func describe(_ event: MembershipEvent, _ language: Language) -> String {
        let vi = language == .vi
        var text = event.kind.name(language)
        let place = event.place ?? "?"
        switch event.kind {
        case .admitted: text += vi ? " vào \(event.unitCode)" : " into \(event.unitCode)"
        case .transferred, .reorganised: text += vi ? " từ \(event.fromUnitCode ?? "?") sang \(event.unitCode)" : " from \(event.fromUnitCode ?? "?") to \(event.unitCode)"
        case .arrived: text += vi ? " từ \(place) vào \(event.unitCode)" : " from \(place) into \(event.unitCode)"
        case .left: text += vi ? " từ \(event.unitCode) đến \(place)" : " from \(event.unitCode) to \(place)"
        case .hosted: text += vi ? " tại \(event.unitCode) (đơn vị gốc: \(place))" : " in \(event.unitCode) (home unit: \(place))"
        case .away: text += vi ? " tại \(place) (chi đoàn \(event.unitCode))" : " at \(place) (branch \(event.unitCode))"
        default: text += " (\(event.unitCode))"
        }
        if let until = event.until { text += vi ? ", đến hết \(until)" : ", through \(until)" }
        if let letter = event.letterNo { text += vi ? ", giấy giới thiệu số \(letter)" : ", letter no. \(letter)" }
        if let reason = event.reason, !reason.isEmpty { text += " — \(reason)" }
        return text
    }

    public static func describe(_ training: TrainingRecord, _ language: Language) -> String {
        var text = training.kind.name(language)
        if let provider = training.provider { text += ", \(provider)" }
        if let certificate = training.certificateNo { text += language == .vi ? ", chứng nhận số \(certificate)" : ", certificate \(certificate)" }
        if let result = training.result { text += " (\(result))" }
        return text
    }

    public static func describe(_ step: ReferralStep, _ language: Language) -> String {
        let vi = language == .vi
        var parts = [step.stage.name(language)]
        if let vote = step.vote { parts.append((vi ? "biểu quyết " : "vote ") + vote.ratio) }
        if let number = step.resolutionNo { parts.append((vi ? "nghị quyết " : "resolution ") + number) }
        if let number = step.decisionNo { parts.append((vi ? "quyết định " : "decision ") + number) }
        if let reason = step.reason { parts.append(reason) }
        return parts.joined(separator: ", ")
    }

    /// "Bí thư YT-VP, đến 2027-10-01 (Bí thư Chi đoàn Văn phòng)": the office without its first day.
    public static func describe(_ office: Office, _ language: Language) -> String {
        var text = "\(office.role.name(language)) \(office.unitCode)"
        if let to = office.to { text += language == .vi ? ", đến \(to)" : ", until \(to)" }
        if let title = office.title { text += " (\(title))" }
        return text
    }

    /// The offices held on `day`, joined: what a member's facts show as their office.
    public static func officesHeld(_ offices: [Office], on day: Day, _ language: Language) -> String {
        offices.filter { $0.isHeld(on: day) }.map { describe($0, language) }.joined(separator: "; ")
    }

    public static func describe(_ discipline: DisciplineRecord, _ language: Language) -> String {
        "\(discipline.level.name(language)) — \(discipline.reason)"
    }
}

/// The names of a member's facts, as labels on the command line and on pages.
public enum MemberLabel {
    public static let code = Text(vi: "Mã", en: "Code")
    public static let fullName = Text(vi: "Họ và tên", en: "Full name")
    public static let born = Text(vi: "Ngày sinh", en: "Born")
    public static let gender = Text(vi: "Giới tính", en: "Gender")
    public static let education = Text(vi: "Trình độ", en: "Education")
    public static let idNumber = Text(vi: "CCCD", en: "National ID")
    public static let phone = Text(vi: "Điện thoại", en: "Phone")
    public static let email = Text(vi: "Email", en: "E-mail")
    public static let workplace = Text(vi: "Nơi công tác", en: "Workplace")
    public static let office = Text(vi: "Chức vụ Đoàn", en: "Union office")
    public static let offices = Text(vi: "Chức vụ Đoàn đã giữ", en: "Union offices")
    public static let ethnicity = Text(vi: "Dân tộc", en: "Ethnicity")
    public static let religion = Text(vi: "Tôn giáo", en: "Religion")
    public static let qualification = Text(vi: "Chuyên môn", en: "Qualification")
    public static let theory = Text(vi: "Lý luận chính trị", en: "Political theory")
    public static let centralID = Text(vi: "Mã định danh", en: "Central Union ID")
    /// After the theory level when it comes from the recorded courses, not the entered value.
    public static let fromTrainings = Text(vi: "theo các khóa học đã ghi", en: "from the recorded courses")
    public static let joined = Text(vi: "Ngày vào Đoàn", en: "Joined")
    public static let party = Text(vi: "Ngày vào Đảng", en: "Party member")
    public static let status = Text(vi: "Tình trạng", en: "Status")
    public static let history = Text(vi: "Quá trình sinh hoạt Đoàn", en: "Membership history")
    public static let grades = Text(vi: "Xếp loại đoàn viên", en: "Yearly grades")
    public static let trainings = Text(vi: "Học tập, bồi dưỡng", en: "Training")
    public static let discipline = Text(vi: "Kỷ luật", en: "Discipline")
    public static let referral = Text(vi: "Giới thiệu đoàn viên ưu tú cho Đảng", en: "Referral to the Party")
}
