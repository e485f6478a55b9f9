import UnionRegister

/// Renders the referral resolution (form 4-KNĐ) in Vietnamese, as Markdown or as HTML that
/// prints on A4. The wording follows the form of guidance 12-HD/BTCTW; what the register
/// does not hold (the place, the Party cell and committee, the signer) is given as options
/// or left as dotted lines to fill in by hand, as on the paper form.
public struct ReferralDocument {
    var resolution: ReferralResolution
    var place: String?
    var partyCell: String?
    var partyCommittee: String?
    var signer: String?

    public init(resolution: ReferralResolution, place: String?, partyCell: String?, partyCommittee: String?, signer: String?) {
        self.resolution = resolution
        self.place = place
        self.partyCell = partyCell
        self.partyCommittee = partyCommittee
        self.signer = signer
    }

    static let blank = "……………………"

    // MARK: - Content, shared by both renderings

    var committeeLine: String { "BCH " + resolution.committee.name.uppercased() }

    var dateLine: String { Self.dateLine(place: place, on: resolution.resolution.on) }

    /// "Quảng Ninh, ngày 05 tháng 03 năm 2025": the place and date line of a Vietnamese
    /// administrative document (the departure letter writes it the same way).
    static func dateLine(place: String?, on d: Day) -> String {
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(place ?? blank), ngày \(two(d.day)) tháng \(two(d.month)) năm \(d.year)"
    }

    var recipients: [String] {
        [Self.titled("Chi bộ", partyCell), Self.titled("Đảng ủy", partyCommittee)]
    }

    /// "Chi bộ Trường THPT Chuyên" whether the secretary typed the title or not, and the
    /// title with a blank to fill in by hand when no name was given.
    static func titled(_ title: String, _ name: String?) -> String {
        guard let name = name.map(VietnameseText.normalized), !name.isEmpty else { return title + " " + blank }
        return VietnameseText.fold(name).hasPrefix(VietnameseText.fold(title)) ? name : title + " " + name
    }

    var bases: [String] {
        let nomination = resolution.nomination
        return [
            "Căn cứ Điều 4 Điều lệ Đảng Cộng sản Việt Nam;",
            "Căn cứ Điều lệ Đoàn Thanh niên Cộng sản Hồ Chí Minh;",
            "Xét đề nghị của \(resolution.branch.name) tại cuộc họp ngày \(nomination.on.vietnamese)"
                + (nomination.vote.map { " (số tán thành: \($0.ratio) số đoàn viên có mặt)" } ?? "") + ",",
        ]
    }

    var meeting: [String] {
        let r = resolution
        let body = r.decidedByBranchMeeting ? "Hội nghị \(r.committee.name)" : "Ban Chấp hành \(r.committee.name)"
        let who = r.decidedByBranchMeeting ? "đoàn viên" : "ủy viên Ban Chấp hành"
        var lines = ["\(body) đã họp ngày \(r.resolution.on.vietnamese) xét đề nghị giới thiệu đoàn viên ưu tú vào Đảng."]
        if let vote = r.resolution.vote {
            lines.append("Tổng số \(who) được triệu tập: \(vote.convened); có mặt: \(vote.present).")
            lines.append("Số tán thành: \(vote.ratio); không tán thành: \(vote.present - vote.votesFor).")
        }
        return lines
    }

    var decision: (name: String, rest: String) {
        let m = resolution.member
        return (m.fullName.uppercased(),
                ", sinh ngày \(m.birthDate.vietnamese), vào Đoàn ngày \(m.joinedOn.vietnamese), sinh hoạt tại \(resolution.branch.name), "
                + "là đoàn viên ưu tú, đủ điều kiện để chi bộ xem xét, kết nạp vào Đảng Cộng sản Việt Nam.")
    }

    var conclusion: String {
        let body = resolution.decidedByBranchMeeting ? "Chi đoàn" : "Ban Chấp hành"
        return "\(body) chịu trách nhiệm về những nội dung giới thiệu trên và phân công đoàn viên theo dõi, giúp đỡ quần chúng trong thời gian chi bộ xem xét kết nạp."
    }

    /// "On behalf of", the signer's title, the hint under it, and the signer's name if given.
    var signature: (behalf: String, title: String, hint: String, name: String) {
        (resolution.decidedByBranchMeeting ? "T/M CHI ĐOÀN" : "T/M BAN CHẤP HÀNH", "BÍ THƯ", "(Ký, ghi rõ họ và tên)", signer ?? "")
    }

    // MARK: - Renderings

    /// Every value from the register or the options is escaped (`Escaping.markdown`): a
    /// name holding `<script>` or `**` prints as those characters, never as markup.
    public func markdown() -> String {
        let e = Escaping.markdown
        let upper = e(resolution.upperUnion?.name.uppercased() ?? "")
        var out = """
            | \(upper) | ĐOÀN TNCS HỒ CHÍ MINH |
            |:---:|:---:|
            | **\(e(committeeLine))** | |
            | Số: \(e(resolution.number)) | *\(e(dateLine))* |

            # NGHỊ QUYẾT
            **giới thiệu đoàn viên ưu tú để chi bộ xem xét, kết nạp vào Đảng**

            Kính gửi:

            """
        out += recipients.map { "- \(e($0))\n" }.joined() + "\n"
        out += bases.map { "- \(e($0))\n" }.joined() + "\n"
        out += meeting.map(e).joined(separator: "\n\n") + "\n\n"
        out += "## QUYẾT NGHỊ\n\nGiới thiệu đồng chí **\(e(decision.name))**\(e(decision.rest))\n\n\(e(conclusion))\n\n"
        return out + Self.markdownClosing(signature, firstRecipient: "Như kính gửi")
    }

    /// The two-column head of an HTML document of this style: the Union organisation above
    /// (`upper`, already escaped) and the issuing committee with the number on the left, the
    /// Union's name and the place and date on the right.
    static func htmlHeader(upper: String, issuer: String, number: String, dateLine: String) -> String {
        let e = Escaping.html
        return """
            <table class="header"><tr>
            <td>\(upper)<br><b>\(e(issuer))</b><br>***<br>\(e(number))</td>
            <td><b><u>ĐOÀN TNCS HỒ CHÍ MINH</u></b><br><br><i>\(e(dateLine))</i></td>
            </tr></table>
            """
    }

    /// The foot of an HTML document of this style: who receives it beside the signature block.
    static func htmlFooter(_ signature: (behalf: String, title: String, hint: String, name: String),
                           firstRecipient: String) -> String {
        let e = Escaping.html
        return """
            <div class="footer">
            <div class="recipients"><i><b>Nơi nhận:</b></i><br>- \(firstRecipient);<br>- Lưu.</div>
            <div class="signature">\(e(signature.behalf))<br>\(e(signature.title))<br><span class="hint">\(e(signature.hint))</span><div class="name">\(e(signature.name))</div></div>
            </div>
            """
    }

    /// The end of a Markdown document of this style: the signature block, then who
    /// receives it (`firstRecipient`, then the file copy), every value escaped.
    static func markdownClosing(_ signature: (behalf: String, title: String, hint: String, name: String),
                                firstRecipient: String) -> String {
        let e = Escaping.markdown
        var out = "**\(e(signature.behalf))**  \n**\(e(signature.title))**  \n*\(e(signature.hint))*\n\n"
        if !signature.name.isEmpty { out += "**\(e(signature.name))**\n\n" }
        return out + "*Nơi nhận:*\n- \(firstRecipient);\n- Lưu.\n"
    }

    /// The style sheet inside the HTML rendering: a page serving the document allows
    /// exactly this (by its hash) and nothing else inline.
    public static let style = """

        @page { size: A4; margin: 2cm }
        body { font-family: "Times New Roman", serif; font-size: 13pt; line-height: 1.35; max-width: 17cm; margin: 0 auto; }
        table.header { width: 100%; border-collapse: collapse; }
        table.header td { width: 50%; text-align: center; vertical-align: top; }
        h1 { font-size: 15pt; text-align: center; margin: 1.2em 0 0; }
        h2 { font-size: 14pt; text-align: center; }
        p.subtitle { text-align: center; font-weight: bold; margin-top: 0; }
        p { text-align: justify; margin: 0.4em 0; }
        .footer { display: flex; margin-top: 0.8em; break-inside: avoid; }

        """ + signatureStyle

    /// The style of the foot both documents share (`htmlFooter`): who receives it, and the signature block.
    static let signatureStyle = """
        .recipients { width: 50%; font-size: 11pt; }
        .signature { width: 50%; text-align: center; font-weight: bold; }
        .signature .hint { font-weight: normal; font-style: italic; }
        .signature .name { margin-top: 2.2cm; }

        """

    public func html() -> String {
        let e = Escaping.html
        let upper = e(resolution.upperUnion?.name.uppercased() ?? "")
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>Nghị quyết \(e(resolution.number)) — \(e(resolution.member.fullName))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(Self.htmlHeader(upper: upper, issuer: committeeLine, number: "Số: " + resolution.number, dateLine: dateLine))
            <h1>NGHỊ QUYẾT</h1>
            <p class="subtitle">giới thiệu đoàn viên ưu tú để chi bộ xem xét, kết nạp vào Đảng</p>
            <p>Kính gửi:</p>
            \(recipients.map { "<p>&nbsp;&nbsp;- \(e($0))</p>" }.joined(separator: "\n"))
            \(bases.map { "<p>- \(e($0))</p>" }.joined(separator: "\n"))
            \(meeting.map { "<p>\(e($0))</p>" }.joined(separator: "\n"))
            <h2>QUYẾT NGHỊ</h2>
            <p>Giới thiệu đồng chí <b>\(e(decision.name))</b>\(e(decision.rest))</p>
            <p>\(e(conclusion))</p>
            \(Self.htmlFooter(signature, firstRecipient: "Như kính gửi"))
            </body>
            </html>

            """
    }
}
