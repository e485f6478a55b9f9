import RegisterViews
import UnionRegister

/// Wording of the pages that the command line has no use for (navigation, buttons, form
/// labels). What both say — member labels, record descriptions, report headings — comes
/// from RegisterViews.
enum PageWords {
    static let chrome: [String: Text] = [
        "appName": Text(vi: "Sổ đoàn viên", en: "Union register"),
        "units": Text(vi: "Đơn vị", en: "Units"),
        "members": Text(vi: "Đoàn viên", en: "Members"),
        "admit": Text(vi: "Kết nạp đoàn viên", en: "Admit a member"),
        "report": Text(vi: "Báo cáo cuối năm", en: "Year-end report"),
        "import": Text(vi: "Nhập tệp", en: "Import"),
        "export": Text(vi: "Xuất dữ liệu", en: "Export"),
        "logout": Text(vi: "Đăng xuất", en: "Sign out"),
        "signedInAs": Text(vi: "Tài khoản", en: "Signed in as"),
    ]

    static let login: [String: Text] = [
        "heading": Text(vi: "Đăng nhập", en: "Sign in"),
        "name": Text(vi: "Tên tài khoản", en: "Account name"),
        "password": Text(vi: "Mật khẩu", en: "Password"),
        "submit": Text(vi: "Đăng nhập", en: "Sign in"),
        "refused": Text(vi: "Sai tên tài khoản hoặc mật khẩu.", en: "Wrong account name or password."),
    ]

    static let units: [String: Text] = [
        "heading": Text(vi: "Cây đơn vị", en: "Unit tree"),
        "code": Text(vi: "Mã", en: "Code"),
        "name": Text(vi: "Tên đơn vị", en: "Unit"),
        "kind": Text(vi: "Loại", en: "Kind"),
        "members": Text(vi: "Đoàn viên", en: "Members"),
        "notes": Text(vi: "Ghi chú", en: "Notes"),
        "list": Text(vi: "Danh sách", en: "List"),
        "report": Text(vi: "Báo cáo", en: "Report"),
    ]

    static let members: [String: Text] = [
        "heading": Text(vi: "Danh sách đoàn viên", en: "Members"),
        "search": Text(vi: "Tìm theo tên hoặc mã (không cần dấu)", en: "Search by name or code (diacritics optional)"),
        "unit": Text(vi: "Đơn vị", en: "Unit"),
        "submit": Text(vi: "Tìm", en: "Search"),
        "code": MemberLabel.code, "fullName": MemberLabel.fullName, "born": MemberLabel.born,
        "status": MemberLabel.status, "note": Heading.note,
        "none": Text(vi: "Không có đoàn viên nào.", en: "No members."),
        "previous": Text(vi: "← Trang trước", en: "← Previous page"),
        "next": Text(vi: "Trang sau →", en: "Next page →"),
        "all": Text(vi: "Xem cả danh sách (để in)", en: "The whole list (to print)"),
        "first": Text(vi: "Xem từng trang", en: "Page by page"),
    ]

    /// Where a page of the member list is (`ListPaging`).
    static func listPage(_ page: Int, of pages: Int) -> Text {
        Text(vi: "Trang \(page)/\(pages)", en: "Page \(page) of \(pages)")
    }

    static let admit: [String: Text] = [
        "heading": Text(vi: "Kết nạp đoàn viên", en: "Admit a member"),
        "submit": Text(vi: "Kết nạp", en: "Admit"),
        "refused": Text(vi: "Chưa kết nạp được", en: "Not admitted"),
    ]

    /// The words of the member's write forms (`MemberAction`).
    static let form: [String: Text] = [
        "submit": Text(vi: "Ghi", en: "Save"),
        "refused": Text(vi: "Không ghi được", en: "Not recorded"),
        "back": Text(vi: "Về trang đoàn viên", en: "Back to the member"),
    ]

    static let member: [String: Text] = [
        "facts": Text(vi: "Thông tin", en: "Facts"),
        "history": MemberLabel.history, "grades": MemberLabel.grades, "trainings": MemberLabel.trainings,
        "discipline": MemberLabel.discipline, "referral": MemberLabel.referral,
        "criteria": Text(vi: "Tiêu chí cho bước tiếp theo", en: "Criteria for the next step"),
        "eligible": Text(vi: "Đủ điều kiện", en: "Eligible"),
        "notEligible": Text(vi: "Chưa đủ điều kiện", en: "Not eligible"),
        "recordStep": Text(vi: "Ghi một bước giới thiệu", en: "Record a referral step"),
        "actions": Text(vi: "Ghi thay đổi", en: "Record a change"),
        "resolution": Text(vi: "Nghị quyết giới thiệu đoàn viên ưu tú (mẫu 4-KNĐ)", en: "Referral resolution (form 4-KNĐ)"),
        "letter": Text(vi: "Giấy giới thiệu sinh hoạt Đoàn", en: "Introduction letter"),
        "place": Text(vi: "Địa danh", en: "Place"),
        "partyCell": Text(vi: "Chi bộ", en: "Party cell"),
        "partyCommittee": Text(vi: "Đảng ủy", en: "Party committee"),
        "signer": Text(vi: "Người ký", en: "Signer"),
        "print": Text(vi: "Xem để in", en: "Show for printing"),
        "none": Text(vi: "—", en: "—"),
    ]

    static let referral: [String: Text] = [
        "heading": Text(vi: "Ghi bước giới thiệu cho Đảng", en: "Record a referral step"),
        "stage": Text(vi: "Bước", en: "Step"),
        "on": Text(vi: "Ngày", en: "Date"),
        "convened": Text(vi: "Số được triệu tập", en: "Convened"),
        "present": Text(vi: "Số có mặt", en: "Present"),
        "votesFor": Text(vi: "Số tán thành", en: "Voting for"),
        "resolution": Text(vi: "Số nghị quyết", en: "Resolution no."),
        "decision": Text(vi: "Số quyết định", en: "Decision no."),
        "reason": Text(vi: "Lý do", en: "Reason"),
        "submit": Text(vi: "Ghi", en: "Record"),
        "refused": Text(vi: "Không ghi được", en: "Not recorded"),
        "back": Text(vi: "Về trang đoàn viên", en: "Back to the member"),
    ]

    /// The words of the import and export pages.
    static let data: [String: Text] = [
        "import": Text(vi: "Nhập tệp CSV", en: "Import a CSV file"),
        "export": Text(vi: "Xuất dữ liệu", en: "Export"),
        "kind": Text(vi: "Loại dữ liệu", en: "What the file holds"),
        "file": Text(vi: "Tệp", en: "File"),
        "line": Text(vi: "Dòng", en: "Line"),
        "column": Text(vi: "Cột", en: "Column"),
        "problem": Text(vi: "Lỗi", en: "Problem"),
        "problems": Text(vi: "lỗi; sửa tệp rồi nhập lại.", en: "problem(s); fix the file and import it again."),
        "warnings": Text(vi: "Cảnh báo", en: "Warnings"),
        "dryRun": Text(vi: "Chạy thử (chỉ kiểm tra, không ghi gì)", en: "Dry run (check only, write nothing)"),
        "submitImport": Text(vi: "Nhập", en: "Import"),
        "refused": Text(vi: "Không nhập được", en: "Not imported"),
        "nothingWritten": Text(vi: "Không ghi gì vào sổ:", en: "Nothing was written:"),
        "imported": Text(vi: "Đã nhập vào sổ.", en: "Imported."),
        "dryRunDone": Text(vi: "Chạy thử xong; chưa ghi gì vào sổ.", en: "Dry run done; nothing was written."),
        "rows": Text(vi: "dòng", en: "rows"),
        "added": Text(vi: "thêm", en: "added"),
        "updated": Text(vi: "cập nhật", en: "updated"),
        "unchanged": Text(vi: "không đổi", en: "unchanged"),
        "unit": Text(vi: "Đơn vị (và các đơn vị trực thuộc)", en: "Unit (and the units below it)"),
        "personal": Text(vi: "Kèm dữ liệu cá nhân (ngày sinh, CCCD, điện thoại, email, nơi công tác)",
                         en: "Include personal data (birth date, national ID, phone, e-mail, workplace)"),
        "download": Text(vi: "Tải về CSV", en: "Download CSV"),
    ]

    static let report: [String: Text] = [
        "year": Text(vi: "Năm", en: "Year"),
        "unit": Text(vi: "Đơn vị", en: "Unit"),
        "submit": Text(vi: "Xem", en: "Show"),
        "print": Text(vi: "In trang này bằng lệnh In của trình duyệt (khổ A4 ngang).", en: "Print this page with the browser's Print (A4 landscape)."),
    ]

    static func words(_ table: [String: Text], _ language: Language) -> [String: String] {
        table.mapValues { $0(language) }
    }
}
