import Foundation
import UnionRegister

/// The columns of an offices file: one term of an office per row.
public enum OfficeColumn: String, CSVColumns {
    case code
    case unit
    case role
    case from
    case to
    case title

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .unit: return ["Đơn vị"]
        case .role: return ["Chức vụ"]
        case .from: return ["Từ ngày"]
        case .to: return ["Đến ngày"]
        case .title: return ["Tên chức vụ"]
        }
    }

    public var isRequired: Bool {
        switch self {
        case .code, .unit, .role, .from: return true
        case .to, .title: return false
        }
    }
}

/// One run of `import offices`: each row is checked and written exactly as `office add`
/// does it. A term already kept is unchanged; a term kept as held still that the row ends
/// is ended, as `office end` does.
struct OfficeImport: RowImport {
    var report: ImportReport

    static let action = "office.import"
    static let ruleColumns: [RuleCode: OfficeColumn] = [.officeMember: .code, .officeOverlap: .from, .officeSecretary: .from,
                                                         .officeTerm: .to, .officeUnit: .unit]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<OfficeColumn>, in tx: WriteTransaction) throws {
        let office = Office(
            memberCode: try row.required(.code), unitCode: try row.required(.unit),
            role: try row.required(.role, as: Text(vi: "chức vụ (secretary|deputy-secretary|standing-committee|committee|full-time-cadre)",
                                                   en: "office (secretary|deputy-secretary|standing-committee|committee|full-time-cadre)"),
                                   OfficeRole.init(parsing:)),
            from: try row.requiredDay(.from), to: try row.day(.to), title: row[.title].map(VietnameseText.normalized))
        let (id, member) = try row.member(.code, in: tx.connection)
        let kept = try OfficeTable.offices(ofMember: id, in: tx.connection).first {
            $0.office.unitCode == office.unitCode && $0.office.role == office.role && $0.office.from == office.from
        }
        if let kept, kept.office == office {
            report.unchanged += 1
        } else if let kept, kept.office.to == nil, let to = office.to {
            let ended = try tx.endOffices(memberID: id, on: to, action: "office.end") { $0 == kept.office }
            report.updated += 1
            for entry in ended { try tx.audit(entry.audit) }
        } else {
            try tx.audit(try tx.addOffice(office, memberID: id, member: member))
            report.added += 1
        }
    }
}
