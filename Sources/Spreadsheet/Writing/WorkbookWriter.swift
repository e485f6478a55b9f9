import Foundation
@preconcurrency import ZIPFoundation

/// Writes an .xlsx workbook: sheets of typed cells (`OutputCell`) with a bold frozen
/// header row and fitted column widths, a title, and custom document properties (the
/// report's fingerprint). ZIPFoundation writes the container, with every entry dated
/// 1980-01-01 (the ZIP epoch) so the same content gives the same bytes.
public final class WorkbookWriter {
    private var sheets: [SheetWriter] = []
    private let title: String
    private let properties: [(name: String, value: String)]

    public init(title: String, properties: [(name: String, value: String)] = []) {
        self.title = title
        self.properties = properties
    }

    /// Starts a new sheet; `name` is cut to Excel's 31 characters, with the characters a
    /// sheet name cannot hold replaced, and made unique.
    public func addSheet(_ name: String) throws -> SheetWriter {
        var clean = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
        if clean.isEmpty { clean = "Sheet" }
        var unique = clean, n = 2
        while sheets.contains(where: { $0.name.lowercased() == unique.lowercased() }) {
            let suffix = " (\(n))"
            unique = String(clean.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        let sheet = try SheetWriter(name: unique)
        sheets.append(sheet)
        return sheet
    }

    /// Writes the workbook to `path`, through a temporary file beside it renamed at the end,
    /// so a failure leaves no half-written file and an existing one is replaced whole.
    public func write(to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        try? FileManager.default.removeItem(at: temporary)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let archive = try Archive(url: temporary, accessMode: .create)
        for (path, text) in fixedParts { try add(path, Data(text.utf8), to: archive) }
        for (index, sheet) in sheets.enumerated() {
            try sheet.flush()
            let parts = SheetParts(prefix: Data(sheet.prefix.utf8), rows: sheet.rows, rowsSize: sheet.rowsSize, suffix: Data(SheetWriter.suffix.utf8))
            try archive.addEntry(with: "xl/worksheets/sheet\(index + 1).xml", type: .file, uncompressedSize: Int64(parts.size),
                                 modificationDate: Self.epoch, compressionMethod: .deflate, provider: parts.chunk)
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private static let epoch = Date(timeIntervalSince1970: 315_532_800)

    private func add(_ path: String, _ data: Data, to archive: Archive) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.epoch,
                             compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// Every part but the sheets, in the order they are written.
    private var fixedParts: [(String, String)] {
        let sheetTypes = sheets.indices.map {
            #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }.joined()
        let contentTypes = XMLDocument.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
            + #"<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>"#
            + sheetTypes + "</Types>"
        let packageRels = XMLDocument.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + #"<Relationship Id="rId1" Type="\#(XMLDocument.relationships)/officeDocument" Target="xl/workbook.xml"/>"#
            + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
            + #"<Relationship Id="rId3" Type="\#(XMLDocument.relationships)/custom-properties" Target="docProps/custom.xml"/>"#
            + "</Relationships>"
        let core = XMLDocument.declaration + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">"#
            + "<dc:title>\(XMLDocument.escaped(title))</dc:title><dc:creator>sodoan</dc:creator></cp:coreProperties>"
        let custom = XMLDocument.declaration + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + properties.enumerated().map { index, property in
                #"<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="\#(index + 2)" name="\#(XMLDocument.escaped(property.name))"><vt:lpwstr>\#(XMLDocument.escaped(property.value))</vt:lpwstr></property>"#
            }.joined() + "</Properties>"
        let workbook = XMLDocument.declaration + #"<workbook xmlns="\#(XMLDocument.main)" xmlns:r="\#(XMLDocument.relationships)"><bookViews><workbookView/></bookViews><sheets>"#
            + sheets.enumerated().map { #"<sheet name="\#(XMLDocument.escaped($1.name))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
            + "</sheets></workbook>"
        let workbookRels = XMLDocument.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Type="\#(XMLDocument.relationships)/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(XMLDocument.relationships)/styles" Target="styles.xml"/></Relationships>"#
        return [("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRels), ("docProps/core.xml", core),
                ("docProps/custom.xml", custom), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbookRels),
                ("xl/styles.xml", WorkbookStyles.xml)]
    }
}

/// A sheet part as ZIPFoundation asks for it, chunk by chunk: the prefix, the rows read
/// back from their temporary file, the suffix.
private struct SheetParts {
    var prefix: Data
    var rows: FileDescriptor
    var rowsSize: Int
    var suffix: Data

    var size: Int { prefix.count + rowsSize + suffix.count }

    func chunk(at position: Int64, size: Int) throws -> Data {
        var out = Data(capacity: size)
        var position = Int(position), wanted = size
        while wanted > 0 {
            let piece: Data
            if position < prefix.count {
                piece = prefix.subdata(in: position..<min(prefix.count, position + wanted))
            } else if position < prefix.count + rowsSize {
                let start = position - prefix.count
                var bytes = [UInt8](repeating: 0, count: min(wanted, rowsSize - start))
                try rows.read(into: &bytes, at: Int64(start))
                piece = Data(bytes)
            } else {
                let start = position - prefix.count - rowsSize
                piece = suffix.subdata(in: start..<min(suffix.count, start + wanted))
            }
            guard !piece.isEmpty else { break }
            out.append(piece)
            position += piece.count
            wanted -= piece.count
        }
        return out
    }
}
