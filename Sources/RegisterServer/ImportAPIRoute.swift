import Foundation
import Hummingbird
import RegisterStore
import RegisterViews
import UnionRegister

/// `POST /api/import?kind=KIND[&dry_run=true][&file=NAME]`: the request's body is the file
/// (CSV, or an .xlsx workbook), imported as `sodoan import KIND FILE [--dry-run]` imports
/// it — all or nothing, by the same rules, by an office account of the top unit only
/// (docs/CLI.md, "HTTP API"). The answer is `ImportReportJSON`; with problems it is a 400
/// refusal that also carries the report, so the client sees every file, line and column.
struct ImportAPIRoute {
    let services: ServerServices

    /// The refusal of an import with problems: the usual `error` object, and the report.
    struct Refused: Encodable {
        var error: Refusal
        var report: ImportReportJSON
    }

    func add(to api: RouterGroup<ServerContext>) {
        api.post("import") { request, context in
            try context.requireCSRF(request.headers[.csrfToken])
            let language = request.language(default: services.settings.language)
            let register = try services.scoped(context, request)
            try register.requireWholeRegister()
            guard let kind = DataKind(rawValue: request.query("kind") ?? "") else {
                let kinds = DataKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw RegisterError.badInput(Text(vi: "kind: cần loại dữ liệu của tệp, một trong \(kinds).",
                                                  en: "kind: what the file holds is needed, one of \(kinds)."))
            }
            let dryRun = try Self.flag("dry_run", request.query("dry_run"))
            let body = try await request.body.collect(upTo: DataPages.maxUploadBytes)
            guard body.readableBytes > 0 else {
                throw RegisterError.badInput(Text(vi: "Thân yêu cầu rỗng: gửi nội dung tệp CSV hoặc sổ tính .xlsx.",
                                                  en: "The request body is empty: send the CSV file's or the .xlsx workbook's content."))
            }
            let report = try UploadedImport.run(register, kind, bytes: Array(buffer: body),
                                                name: request.query("file") ?? "", dryRun: dryRun)
            let json = ImportReportJSON(report, kind: kind, dryRun: dryRun, language: language)
            guard report.problems.isEmpty else {
                let refusal = Refusal(RegisterError.badInput(ImportWording.refused(report), fix: ImportWording.fix), language: language)
                return try APIResponse.json(Refused(error: refusal, report: json), status: refusal.status)
            }
            return try APIResponse.json(json)
        }
    }

    /// A yes-or-no query parameter: `true`/`1` or `false`/`0`, false when absent.
    static func flag(_ name: String, _ text: String?) throws -> Bool {
        switch text {
        case nil, "false", "0": return false
        case "true", "1": return true
        case let text?:
            throw RegisterError.badInput(Text(vi: "\(name): \"\(text)\" không hợp lệ; dùng true hoặc false.",
                                              en: "\(name): \"\(text)\" is not valid; use true or false."))
        }
    }
}
