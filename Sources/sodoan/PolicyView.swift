import RegisterStore
import RegisterViews
import UnionRegister

/// How the policy values a check or report used are printed beside its result, so a
/// reader knows which local guidance the figures follow.
enum PolicyView {
    /// "Chính sách: min_grade=excellent, discipline_window_months=12, …".
    static func line(_ policy: Policy, _ language: Language) -> String {
        Text(vi: "Chính sách áp dụng: ", en: "Policy used: ")(language)
            + Policy.Key.allCases.map { "\($0.rawValue)=\(policy.value(of: $0))" }.joined(separator: ", ")
    }

    static func describe(_ key: Policy.Key) -> Text {
        switch key {
        case .minGrade: return Text(vi: "Xếp loại năm gần nhất tối thiểu", en: "Lowest acceptable latest yearly grade")
        case .disciplineWindowMonths: return Text(vi: "Số tháng kỷ luật còn tính", en: "Months a discipline counts")
        case .minAge: return Text(vi: "Tuổi tối thiểu", en: "Minimum age")
        case .certificateValidMonths: return Text(vi: "Số tháng hiệu lực giấy chứng nhận lớp nhận thức về Đảng",
                                                  en: "Months the Party-awareness certificate is valid")
        }
    }

    static func render(_ policy: Policy, _ format: OutputFormat, _ language: Language) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(policy)
        case .csv:
            return CSVWriter.document(header: ["key", "value", "default"],
                                      rows: Policy.Key.allCases.map { [$0.rawValue, policy.value(of: $0), Policy.defaults.value(of: $0)] })
        default:
            var table = TextTable([Text(vi: "Khóa", en: "Key"), Text(vi: "Giá trị", en: "Value"), Text(vi: "Mặc định", en: "Default"),
                                   Text(vi: "Ý nghĩa", en: "Meaning")], language)
            for key in Policy.Key.allCases {
                table.append([key.rawValue, policy.value(of: key), Policy.defaults.value(of: key), describe(key)(language)])
            }
            return table.render()
        }
    }
}
