import ArgumentParser
import Foundation
import RegisterStore
import RegisterViews
import UnionRegister

struct LogCommand: RegisterCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Read the audit log: every write, when, by whom, by which command, old and new values.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: DataFormatOption
    @Option(help: "Only writes about this member.") var member: String?
    @Option(help: "Only writes from this day on (UTC).") var since: String?

    struct Item: Encodable {
        var id: Int64
        var at, command, action: String
        var actor, member_code, unit_code, old_value, new_value: String?
    }

    func execute() throws {
        let register = try openRegister()
        let entries = try register.auditLog(memberCode: member, since: try since.map { try day($0, option: "--since") })
        let broken = try register.auditChainFindings()
        if !broken.isEmpty {
            let vi = global.language == .vi
            var subjects: [String] = []
            for finding in broken where !subjects.contains(finding.subject) { subjects.append(finding.subject) }
            let rows = subjects.joined(separator: ", ")
            FileHandle.standardError.write(Data(OutputText.safe(vi
                ? "Cảnh báo: nhật ký không khớp chuỗi mã băm (\(rows)): đã bị sửa ngoài sodoan; chạy `sodoan check`.\n"
                : "Warning: the audit log does not match its hash chain (\(rows)): it was changed behind sodoan's back; run `sodoan check`.\n").utf8))
        }
        let items = entries.map { Item(id: $0.id ?? 0, at: $0.at, command: $0.command, action: $0.action, actor: $0.actor, member_code: $0.memberCode,
                                       unit_code: $0.unitCode, old_value: $0.oldValue, new_value: $0.newValue) }
        switch output.format {
        case .json:
            print(try JSONOutput.encode(items))
        case .csv:
            print(CSVWriter.document(header: ["id", "at", "action", "member_code", "unit_code", "command", "actor", "old_value", "new_value"],
                                     rows: items.map { [String($0.id), $0.at, $0.action, $0.member_code ?? "", $0.unit_code ?? "", $0.command, $0.actor ?? "", $0.old_value ?? "", $0.new_value ?? ""] }))
        default:
            var table = TextTable([Text(vi: "#", en: "#"), Text(vi: "Thời điểm (UTC)", en: "At (UTC)"), Text(vi: "Thao tác", en: "Action"),
                                   Text(vi: "Đoàn viên", en: "Member"), Heading.unit, Text(vi: "Người ghi", en: "By"),
                                   Text(vi: "Lệnh", en: "Command")],
                                  global.language, rightAligned: [0])
            for item in items {
                table.append([String(item.id), item.at, item.action, item.member_code ?? "", item.unit_code ?? "", item.actor ?? "", item.command])
            }
            print(table.render())
        }
    }
}
