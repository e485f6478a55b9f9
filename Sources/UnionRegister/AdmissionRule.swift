/// Who may be admitted to the Union (Charter art. 1, docs/DOMAIN.md): on the admission day the
/// person is older than 15 (at least the day after the 15th birthday), not older than 30
/// (on or before the 30th birthday), and has at least primary education.
public enum AdmissionRule {
    public static let minimumAgeExclusive = 15
    public static let maximumAge = 30
    public static let minimumEducation = EducationLevel.primary

    /// Refuses with the rule, the member's age on the day, and the limits.
    public static func check(_ member: Member, admittedOn day: Day) throws {
        guard let age = member.age(on: day) else {
            throw RegisterError.refused(.admissionAge, Text(
                vi: "Ngày kết nạp \(day) trước ngày sinh \(member.birthDate) của \(member.fullName).",
                en: "The admission date \(day) is before \(member.fullName)'s birth date \(member.birthDate)."))
        }
        if !Age.isOlder(born: member.birthDate, than: minimumAgeExclusive, on: day) {
            let earliest = Age.birthday(of: member.birthDate, turning: minimumAgeExclusive).next
            throw RegisterError.refused(.admissionAge, Text(
                vi: "\(member.fullName) (sinh \(member.birthDate)) mới \(age.text(.vi)) vào ngày kết nạp \(day); phải trên 15 tuổi.",
                en: "\(member.fullName) (born \(member.birthDate)) is \(age.text(.en)) on the admission date \(day); must be older than 15."),
                fix: Text(vi: "Có thể kết nạp từ ngày \(earliest).", en: "Admission is possible from \(earliest)."))
        }
        if Age.isOlder(born: member.birthDate, than: maximumAge, on: day) {
            let latest = Age.birthday(of: member.birthDate, turning: maximumAge)
            throw RegisterError.refused(.admissionAge, Text(
                vi: "\(member.fullName) (sinh \(member.birthDate)) đã \(age.text(.vi)) vào ngày kết nạp \(day); không được quá 30 tuổi.",
                en: "\(member.fullName) (born \(member.birthDate)) is \(age.text(.en)) on the admission date \(day); must not be older than 30."),
                fix: Text(vi: "Hạn cuối để kết nạp là \(latest).", en: "The last possible admission day was \(latest)."))
        }
        if member.education < minimumEducation {
            throw RegisterError.refused(.admissionEducation, Text(
                vi: "\(member.fullName) có trình độ \(member.education.name.vi); cần ít nhất \(minimumEducation.name.vi).",
                en: "\(member.fullName) has \(member.education.name.en) education; at least \(minimumEducation.name.en) is required."))
        }
    }
}
