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

    /// `policy show`: JSON `{"on", "<key>": value…, "since": {"<key>": day}}` (`since` names
    /// only the values that are not the default), CSV `key,value,default,since`, or a table.
    static func render(_ shown: PolicyInForce, _ format: OutputFormat, _ language: Language) throws -> String {
        let policy = shown.policy
        let since = { (key: Policy.Key) in shown.since[key]?.description ?? "" }
        switch format {
        case .json:
            return try JSONOutput.encode(ShownJSON(shown))
        case .csv:
            return CSVWriter.document(header: ["key", "value", "default", "since"],
                                      rows: Policy.Key.allCases.map { [$0.rawValue, policy.value(of: $0), Policy.defaults.value(of: $0), since($0)] })
        default:
            var table = TextTable([Text(vi: "Khóa", en: "Key"), Text(vi: "Giá trị", en: "Value"), Heading.from,
                                   Text(vi: "Mặc định", en: "Default"), Text(vi: "Ý nghĩa", en: "Meaning")], language)
            for key in Policy.Key.allCases {
                table.append([key.rawValue, policy.value(of: key), since(key), Policy.defaults.value(of: key), describe(key)(language)])
            }
            return Text(vi: "Chính sách áp dụng ngày \(shown.on)", en: "Policy in force on \(shown.on)")(language) + "\n" + table.render()
        }
    }

    /// The JSON of `policy show`: the policy's own keys, the day, and the start of each value.
    private struct ShownJSON: Encodable {
        var shown: PolicyInForce
        init(_ shown: PolicyInForce) { self.shown = shown }

        enum Keys: String, CodingKey { case on, since }

        func encode(to encoder: Encoder) throws {
            try shown.policy.encode(to: encoder)
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(shown.on, forKey: .on)
            try container.encode(Dictionary(uniqueKeysWithValues: shown.since.map { ($0.key.rawValue, $0.value) }), forKey: .since)
        }
    }
}
