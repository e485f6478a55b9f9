import Foundation
import Hummingbird
import RegisterStore
import RegisterViews
import UnionRegister

/// Files in and out: the CSV upload of `sodoan import` (all or nothing, or a dry run, with
/// every problem's file, line and column) and the downloads of `sodoan export` (personal
/// data left out unless asked, as on the command line).
struct DataPages {
    let services: ServerServices
    var routes: PageRoutes { PageRoutes(services: services) }
    /// The largest file accepted: a grassroots union's members (a few thousand rows) is
    /// well under 1 MiB; bigger imports are the command line's.
    static let maxUploadBytes = 4 * 1024 * 1024

    func add(to pages: RouterGroup<ServerContext>) {
        pages.get("/import") { request, context in
            importPage(request, context, kind: nil, dryRun: true, report: nil, name: nil, refusal: nil)
        }
        pages.post("/import") { request, context in
            let body = try await request.body.collect(upTo: Self.maxUploadBytes)
            let form = try MultipartForm(body: Array(buffer: body), contentType: request.headers[.contentType] ?? "")
            try context.requireCSRF(form.field("csrf"))
            let kind = DataKind(rawValue: form.field("kind") ?? "")
            let dryRun = form.field("dry_run") != nil
            do {
                guard let kind else { throw RegisterError.badInput(Text(vi: "Chọn loại dữ liệu.", en: "Choose what the file holds.")) }
                guard let file = form.file("file"), !file.data.isEmpty else {
                    throw RegisterError.badInput(Text(vi: "Chọn một tệp CSV.", en: "Choose a CSV file."))
                }
                let name = Self.safeName(file.filename ?? "")
                let report = try UploadedImport.run(services.scoped(context, request), kind, bytes: file.data, name: name, dryRun: dryRun)
                return importPage(request, context, kind: kind, dryRun: dryRun, report: report, name: name, refusal: nil)
            } catch let error where error is RegisterError || error is AccessRefused {
                return importPage(request, context, kind: kind, dryRun: dryRun, report: nil, name: nil,
                                  refusal: Refusal(error, language: routes.language(request)))
            }
        }
        pages.get("/export") { request, context in
            let language = routes.language(request)
            let unit = try services.scoped(context, request).account.unitCode
            return routes.page(request, context, "export", title: PageWords.data["export"]!(language), model: [
                "kinds": Self.kinds(selected: nil, language), "unit": unit, "t": PageWords.words(PageWords.data, language),
            ])
        }
        pages.get("/export/download") { request, context in
            guard let kind = DataKind(rawValue: request.query("kind") ?? "") else {
                throw RegisterError.badInput(Text(vi: "kind: chọn loại dữ liệu.", en: "kind: choose what to export."))
            }
            let register = try services.scoped(context, request)
            let unit = request.query("unit") ?? register.account.unitCode
            let personal = request.query("personal") != nil
            var csv = CSVWriter.line(Register.exportHeader(kind, includePersonal: personal))
            try register.export(kind, unitCode: unit, includePersonal: personal) { csv += CSVWriter.line($0) }
            return Response(status: .ok, headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(kind.rawValue)-\(Self.safeName(unit)).csv\"",
            ], body: .init(byteBuffer: ByteBuffer(string: OutputText.safe(csv))))
        }
    }

    func importPage(_ request: Request, _ context: ServerContext, kind: DataKind?, dryRun: Bool, report: ImportReport?,
                    name: String?, refusal: Refusal?) -> Response {
        let language = routes.language(request)
        var model: [String: Any] = ["kinds": Self.kinds(selected: kind, language), "dryRun": dryRun,
                                    "t": PageWords.words(PageWords.data, language)]
        if let refusal { model["refusal"] = refusal }
        var status = refusal?.status ?? .ok
        if let report, let name {
            func rows(_ problems: [ImportProblem]) -> [[String: String]] {
                problems.map { ["file": name, "line": String($0.line), "column": $0.column ?? "", "message": $0.message(language)] }
            }
            model["report"] = [
                "file": name, "rows": report.rows, "added": report.added, "updated": report.updated, "unchanged": report.unchanged,
                "refused": !report.problems.isEmpty, "written": report.problems.isEmpty && !dryRun,
                "problems": rows(report.problems), "warnings": rows(report.warnings), "problemCount": report.problems.count,
                "hasProblems": !report.problems.isEmpty, "hasWarnings": !report.warnings.isEmpty,
            ] as [String: Any]
            // Problems in the file are bad input data, as the command line's exit 65.
            if !report.problems.isEmpty { status = .badRequest }
        }
        return routes.page(request, context, "import", title: PageWords.data["import"]!(language), model: model, status: status)
    }

    static func kinds(selected: DataKind?, _ language: Language) -> [Choice] {
        DataKind.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == selected) }
    }

    /// A file name that names nothing but itself: letters, digits, `.`, `-` and `_`.
    static func safeName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = String(last.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) })
        return kept.isEmpty || kept.hasPrefix(".") ? "upload.csv" : kept
    }
}
