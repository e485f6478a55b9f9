import Foundation
import UnionRegister

/// The columns of a referral steps file: one row per stage, in date order.
public enum ReferralColumn: String, CSVColumns {
    case code
    case stage
    case on
    case convened
    case present
    case votesFor = "votes_for"
    case resolutionNo = "resolution_no"
    case decisionNo = "decision_no"
    case reason

    public var aliases: [String] {
        switch self {
        case .code: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .stage: return ["Bước"]
        case .on: return ["Ngày"]
        case .convened: return ["Triệu tập"]
        case .present: return ["Có mặt"]
        case .votesFor: return ["Tán thành"]
        case .resolutionNo: return ["Số nghị quyết"]
        case .decisionNo: return ["Số quyết định"]
        case .reason: return ["Lý do"]
        }
    }

    public var isRequired: Bool { self == .code || self == .stage || self == .on }
}

/// One run of `import referrals`: each row is one stage, decided by the same rules as the
/// `referral` commands (eligibility on the step's date, votes, stage order, probation), so
/// a file of steps re-plays a referral history exactly as if it had been typed in.
struct ReferralImport: RowImport {
    var report: ImportReport

    static let action = "referral.import"
    static let ruleColumns: [RuleCode: ReferralColumn] = [
        .referralStage: .stage, .stepOrder: .on, .probation: .on, .voteQuorum: .present, .voteMajority: .votesFor,
    ]

    init(file: String) {
        report = ImportReport(file: file)
    }

    mutating func importRow(_ row: CSVRow<ReferralColumn>, in tx: WriteTransaction) throws {
        let code = try row.required(.code)
        let stage = try row.required(.stage, as: Text(vi: "bước (nominated, referred-to-class, referred, admitted, official, rejected, withdrawn)",
                                                     en: "stage (nominated, referred-to-class, referred, admitted, official, rejected, withdrawn)"),
                                      ReferralStage.init(codeOrName:))
        let on = try row.requiredDay(.on)
        let (id, _) = try row.member(.code, in: tx.connection)
        // A step already kept (a file imported twice) changes nothing.
        let kept = try ReferralTable.referrals(ofMembers: "SELECT :member", arguments: ["member": id], in: tx.connection)[id] ?? []
        if kept.contains(where: { $0.steps.contains { $0.stage == stage && $0.on == on } }) {
            report.unchanged += 1
            return
        }
        let action = try Self.action(stage, row)
        report.added += 1
        let (_, audit) = try tx.recordReferral(code, action, on: on)
        try tx.audit(audit)
    }

    /// The action a row asks for, with the vote, number or reason its stage needs.
    private static func action(_ stage: ReferralStage, _ row: CSVRow<ReferralColumn>) throws -> ReferralAction {
        func vote() throws -> Vote {
            let number = Text(vi: "số nguyên", en: "whole number")
            return Vote(convened: try row.required(.convened, as: number, Int.init),
                        present: try row.required(.present, as: number, Int.init),
                        votesFor: try row.required(.votesFor, as: number, Int.init))
        }
        switch stage {
        case .nominated: return .nominate(try vote())
        case .referredToClass: return .referToClass
        case .referred: return .refer(resolutionNo: try row.required(.resolutionNo), try vote())
        case .admitted: return .admit(decisionNo: row[.decisionNo])
        case .official: return .confirm(decisionNo: row[.decisionNo])
        case .rejected: return .reject(reason: try row.required(.reason))
        case .withdrawn: return .withdraw(reason: try row.required(.reason))
        case .lapsed:
            throw row.problem(.stage, Text(vi: "Bước lapsed không ghi được: nghị quyết tự hết hiệu lực sau 12 tháng.",
                                           en: "A lapse is never recorded: a resolution lapses by itself after 12 months."))
        }
    }
}
