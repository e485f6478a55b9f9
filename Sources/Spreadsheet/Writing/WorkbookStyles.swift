/// The cell styles every workbook sodoan writes has (styles.xml `cellXfs`), by index: the
/// plain style, the header's bold, dates as `dd/mm/yyyy` (the Vietnamese order), text that
/// starts like a formula marked as text (`quotePrefix`, so editing it in Excel does not run
/// it), and indents for the levels of a unit tree.
enum WorkbookStyles {
    static let plain = 0, header = 1, date = 2, formulaLikeText = 3
    static let maximumIndent = 15

    static func indent(_ level: Int) -> Int { level <= 0 ? plain : 3 + min(level, maximumIndent) }

    static var xml: String {
        let base = #"numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0""#
        let indents = (1...maximumIndent).map { #"<xf \#(base) applyAlignment="1"><alignment indent="\#($0)"/></xf>"# }.joined()
        return XMLDocument.declaration + #"""
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\#
            <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>\#
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\#
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\#
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\#
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\#
            <cellXfs count="\#(4 + maximumIndent)"><xf \#(base)/>\#
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\#
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\#
            <xf \#(base) quotePrefix="1"/>\#(indents)</cellXfs>\#
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\#
            </styleSheet>
            """#
    }
}

/// The fixed parts of a workbook package.
enum XMLDocument {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// An attribute value or element text, XML-escaped.
    static func escaped(_ text: String) -> String { OOXMLText.escaped(text) }
}
