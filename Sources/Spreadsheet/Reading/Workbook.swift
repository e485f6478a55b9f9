import Foundation

/// An .xlsx workbook opened for reading: its sheets, date system, cell styles and shared
/// strings. ZIPFoundation reads the container and Foundation's XMLParser each part as a
/// stream (`PartStream`); only the mapping of parts to cells is this module's own.
public final class Workbook: @unchecked Sendable {
    let url: URL
    /// The sheets' names, in the workbook's order.
    public let sheetNames: [String]
    private let sheetPaths: [String: String]
    let dateSystem: DateSystem
    let formats: [NumberFormat]
    let strings: SharedStrings

    /// Opens the workbook at `path`. Refuses an old .xls, a password-protected workbook and
    /// anything that is not an .xlsx container (`SpreadsheetError`); a missing or unreadable
    /// file is the system's error.
    public init(path: String) throws {
        url = URL(fileURLWithPath: path)
        switch try ContainerKind.of(fileAt: url) {
        case .zip: break
        case .legacyExcel: throw SpreadsheetError.legacyExcel
        case .encrypted: throw SpreadsheetError.encrypted
        case .other: throw SpreadsheetError.notAWorkbook
        }
        let package = RelationshipsReader()
        do {
            try XMLPart.parse("_rels/.rels", in: url, with: package)
        } catch SpreadsheetError.damaged(part: "_rels/.rels", reason: "missing") {
            throw SpreadsheetError.notAWorkbook
        }
        guard let workbookPath = package.target(ofType: "officeDocument").map({ Self.resolve($0, from: "") }) else {
            throw SpreadsheetError.notAWorkbook
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let workbook = WorkbookReader()
        try XMLPart.parse(workbookPath, in: url, with: workbook)
        let relationships = RelationshipsReader()
        try XMLPart.parse(folder + "/_rels/" + workbookPath.split(separator: "/").last! + ".rels", in: url, with: relationships)
        dateSystem = workbook.dateSystem
        sheetNames = workbook.sheets.map(\.name)
        var paths: [String: String] = [:]
        for sheet in workbook.sheets {
            if let target = relationships.targets[sheet.relationship]?.target { paths[sheet.name] = Self.resolve(target, from: folder) }
        }
        sheetPaths = paths
        let styles = StylesReader()
        if let path = relationships.target(ofType: "styles") { try XMLPart.parse(Self.resolve(path, from: folder), in: url, with: styles) }
        formats = styles.formats
        strings = try SharedStrings()
        if let path = relationships.target(ofType: "sharedStrings") {
            try XMLPart.parse(Self.resolve(path, from: folder), in: url, with: strings)
            try strings.flush()
        }
    }

    /// True when the file at `path` starts as a ZIP container or an OLE2 document (an .xls
    /// or a protected workbook): what an import reads as a workbook rather than as CSV.
    public static func isContainer(atPath path: String) -> Bool {
        (try? ContainerKind.of(fileAt: URL(fileURLWithPath: path))).map { $0 != .other } ?? false
    }

    /// The rows of the sheet called `name`, or of the first sheet.
    public func rows(ofSheet name: String?) throws -> SheetReader {
        guard let sheet = name ?? sheetNames.first, let path = sheetPaths[sheet] else {
            throw SpreadsheetError.missingSheet(name ?? "", available: sheetNames)
        }
        return try SheetReader(workbook: self, sheet: sheet, path: path)
    }

    /// A relationship target as a path in the container: `/xl/x.xml` is absolute, `x.xml`
    /// is relative to the folder of the part that names it.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}
