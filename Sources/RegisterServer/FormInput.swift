import Foundation
import UnionRegister

/// The fields of a submitted form or of an API body, as typed (text, so that a refused
/// form shows back exactly what was typed), with the readers that turn them into the
/// domain's values the way the command line parses its options. Every refusal names
/// the field.
struct FormInput: Sendable {
    var fields: [String: String]

    init(_ fields: [String: String]) { self.fields = fields }

    /// Whether the field was sent at all (an update changes only the fields sent).
    func has(_ name: String) -> Bool { fields[name] != nil }

    /// The field, nil when absent or blank.
    func optional(_ name: String) -> String? {
        fields[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
    }

    func required(_ name: String) throws -> String {
        guard let value = optional(name) else {
            throw RegisterError.badInput(Text(vi: "Thiếu \(name).", en: "\(name) is missing."))
        }
        return value
    }

    /// A day as `YYYY-MM-DD` or `DD/MM/YYYY`.
    func day(_ name: String) throws -> Day {
        let text = try required(name)
        guard let day = Day(parsing: text) else { throw RegisterError.badDate(text, field: name) }
        return day
    }

    func optionalDay(_ name: String) throws -> Day? {
        try optional(name).map { _ in try day(name) }
    }

    func number(_ name: String) throws -> Int {
        let text = fields[name] ?? ""
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw RegisterError.badInput(Text(vi: "\(name): \"\(text)\" không phải số.", en: "\(name): \"\(text)\" is not a number."))
        }
        return value
    }

    /// One of a closed list of values, read by `parse` (which also takes the Vietnamese
    /// names the command line takes); a refusal lists what is accepted.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ parse: (String) -> T? = { T(rawValue: $0) }) throws -> T
    where T.RawValue == String {
        let text = fields[name] ?? ""
        guard let value = parse(text) else {
            let accepted = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw RegisterError.badInput(Text(vi: "\(name): \"\(text)\" không phải giá trị được nhận.", en: "\(name): \"\(text)\" is not accepted."),
                                         fix: Text(vi: "Dùng một trong: \(accepted).", en: "Use one of: \(accepted)."))
        }
        return value
    }
}
