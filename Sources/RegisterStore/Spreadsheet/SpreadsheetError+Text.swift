import Spreadsheet
import UnionRegister

extension SpreadsheetError {
    /// What is wrong with the workbook `file`, and how to fix it, in both languages.
    func message(file: String) -> Text {
        switch self {
        case .notAWorkbook:
            return Text(vi: "\(file) không phải sổ tính .xlsx (cũng không phải CSV). Lưu lại tệp dưới dạng \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\".",
                        en: "\(file) is not an .xlsx workbook (nor CSV). Save it again as \"Excel Workbook (.xlsx)\" or \"CSV UTF-8\".")
        case .legacyExcel:
            return Text(vi: "\(file) là tệp Excel 97–2003 (.xls), định dạng cũ không đọc được. Mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.",
                        en: "\(file) is an Excel 97–2003 file (.xls), an old format that cannot be read. Open it in Excel or LibreOffice and save it as .xlsx.")
        case .encrypted:
            return Text(vi: "\(file) được bảo vệ bằng mật khẩu nên không đọc được. Mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.",
                        en: "\(file) is protected by a password and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.")
        case .missingSheet(let name, let available):
            let list = available.map { "\"\($0)\"" }.joined(separator: ", ")
            return name.isEmpty
                ? Text(vi: "\(file) không có trang tính nào.", en: "\(file) has no sheet.")
                : Text(vi: "\(file) không có trang tính \"\(name)\"; các trang tính: \(list). Chọn một bằng --sheet.",
                       en: "\(file) has no sheet \"\(name)\"; its sheets are \(list). Choose one with --sheet.")
        case .damaged(let part, let reason):
            return Text(vi: "\(file) bị hỏng: phần \(part) không đọc được (\(reason)). Mở và lưu lại tệp bằng Excel hoặc LibreOffice.",
                        en: "\(file) is damaged: its part \(part) cannot be read (\(reason)). Open it and save it again in Excel or LibreOffice.")
        case .formulaWithoutValue:
            return Text(vi: "Ô có công thức nhưng không lưu giá trị đã tính (tệp được tạo bởi một chương trình không tính công thức). Mở và lưu lại bằng Excel hoặc LibreOffice, hoặc thay công thức bằng giá trị.",
                        en: "The cell holds a formula saved without its computed value (the file was made by a program that does not compute formulas). Open and save it in Excel or LibreOffice, or replace the formula with its value.")
        case .mergedHeader(let range):
            return Text(vi: "Các ô tiêu đề \(range) bị gộp, nên các cột dưới đó không có tên. Bỏ gộp ô và ghi tên từng cột.",
                        en: "The header cells \(range) are merged, so the columns under them have no name. Unmerge them and name each column.")
        }
    }
}
