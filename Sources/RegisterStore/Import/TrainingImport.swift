import Foundation
import UnionRegister

/// The columns of a trainings file (the certificate list a secretary receives).
public enum TrainingColumn: String, CSVColumns {
    case code
    case kind
    case started
    case completed
    case provider
    case certificate
    case result

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .kind: return ["Loại", "Loại lớp"]
        case .started: return ["started_on", "Ngày bắt đầu"]
        case .completed: return ["completed_on", "Ngày hoàn thành", "Ngày kết thúc"]
        case .provider: return ["Đơn vị tổ chức", "Cơ sở đào tạo"]
        case .certificate: return ["certificate_no", "Số chứng chỉ", "Số giấy chứng nhận"]
        case .result: return ["Kết quả", "Xếp loại"]
        }
    }

    public var isRequired: Bool { self == .code || self == .kind || self == .completed }
}

/// One run of `import trainings`: each row is checked with `TrainingRule`. A record is
/// known by member, kind and completion day: the same record again is unchanged, one with
/// other details is an audited update, anything else is added.
struct TrainingImport: RowImport {
    var report: ImportReport
    private var keysInFile: [String: Int] = [:]

    static let action = "training.import"
    static let ruleColumns: [RuleCode: TrainingColumn] = [:]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<TrainingColumn>, in tx: WriteTransaction) throws {
        let code = try row.required(.code)
        let record = TrainingRecord(
            kind: try row.required(.kind, as: Text(vi: "loại lớp (party-awareness, new-member, …)", en: "training kind (party-awareness, new-member, …)"),
                                   TrainingKind.init(codeOrName:)),
            startedOn: try row.day(.started), completedOn: try row.requiredDay(.completed),
            provider: row[.provider].map(VietnameseText.normalized), certificateNo: row[.certificate],
            result: row[.result].map(VietnameseText.normalized))
        if let first = keysInFile.updateValue(row.line, forKey: "\(code) \(record.kind.rawValue) \(record.completedOn)") {
            throw row.problem(.completed, Text(
                vi: "Lớp \(record.kind.rawValue) của \(code) hoàn thành ngày \(record.completedOn) đã có ở dòng \(first) của tệp.",
                en: "The \(record.kind.rawValue) training of \(code) completed on \(record.completedOn) is already on line \(first) of the file."))
        }
        let (id, member) = try row.member(.code, in: tx.connection)
        guard let old = try tx.recordTraining(memberID: id, member, record) else { report.added += 1; return }
        guard old != record else { report.unchanged += 1; return }
        report.updated += 1
        try tx.audit(AuditEntry(action: "training.update", memberCode: code, oldValue: AuditEntry.json(old), newValue: AuditEntry.json(record)))
    }
}
