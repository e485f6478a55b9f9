import UnionRegister

/// Renders the introduction letter of a departure (giấy giới thiệu sinh hoạt đoàn) in
/// Vietnamese, as Markdown or as HTML that prints on A4, in the layout of the referral
/// resolution (`ReferralDocument`): the two-column header, the title, the facts, the
/// signature block. What the register does not hold (the place, how long the
/// letter is valid, the signer) is given as an option or left as dotted lines to fill in
/// by hand, as on the paper form. Every value from the register is escaped for its format.
public struct DepartureLetterDocument {
    var letter: DepartureLetter
    var place: String?
    var signer: String?

    public init(letter: DepartureLetter, place: String?, signer: String?) {
        self.letter = letter
        self.place = place
        self.signer = signer
    }

    private static let blank = ReferralDocument.blank

    var issuerLine: String { "BCH " + letter.issuer.name.uppercased() }

    var number: String { "Số: " + (letter.departure.letterNo ?? Self.blank + "/GGT") }

    var dateLine: String { ReferralDocument.dateLine(place: place, on: letter.departure.on) }

    /// The facts, label and value, in the order the form lists them.
    var facts: [(label: String, value: String)] {
        let m = letter.member
        return [
            ("Đồng chí", m.fullName.uppercased()),
            ("Giới tính", m.gender.name.vi),
            ("Sinh ngày", m.birthDate.vietnamese),
            ("Vào Đoàn ngày", m.joinedOn.vietnamese),
            ("Số thẻ đoàn viên", m.code),
            ("Đang sinh hoạt tại", letter.branch.name),
            ("Được chuyển sinh hoạt Đoàn đến", letter.destination),
            ("Chuyển từ ngày", letter.departure.on.vietnamese),
            ("Đã đóng đoàn phí đến hết tháng", letter.duesPaidThrough?.vietnamese ?? "……/……"),
        ]
    }

    var introduction: String { "Ban Chấp hành \(letter.issuer.name) trân trọng giới thiệu:" }

    var request: String {
        "Đề nghị \(letter.destination) tiếp nhận và tạo điều kiện để đồng chí sinh hoạt Đoàn theo Điều lệ Đoàn."
    }

    var validity: String { "Giấy giới thiệu có giá trị đến hết ngày \(Self.blank)." }

    var signature: (behalf: String, title: String, hint: String, name: String) {
        ("T/M BAN CHẤP HÀNH", "BÍ THƯ", "(Ký, ghi rõ họ và tên, đóng dấu)", signer ?? "")
    }

    public func markdown() -> String {
        let e = Escaping.markdown
        let upper = e(letter.upperUnion?.name.uppercased() ?? "")
        var out = """
            | \(upper) | ĐOÀN TNCS HỒ CHÍ MINH |
            |:---:|:---:|
            | **\(e(issuerLine))** | |
            | \(e(number)) | *\(e(dateLine))* |

            # GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN

            Kính gửi: **\(e(letter.destination))**

            \(e(introduction))


            """
        out += facts.map { "- \(e($0.label)): **\(e($0.value))**\n" }.joined() + "\n"
        out += "\(e(request))\n\n\(e(validity))\n\n"
        return out + ReferralDocument.markdownClosing(signature, firstRecipient: "Như trên")
    }

    /// The style sheet inside the HTML rendering: a page serving the document allows
    /// exactly this (by its hash) and nothing else inline.
    public static let style = """

        @page { size: A4; margin: 2cm }
        body { font-family: "Times New Roman", serif; font-size: 13pt; line-height: 1.4; max-width: 17cm; margin: 0 auto; }
        table.header { width: 100%; border-collapse: collapse; }
        table.header td { width: 50%; text-align: center; vertical-align: top; }
        h1 { font-size: 15pt; text-align: center; margin: 1.2em 0 0.8em; }
        p { text-align: justify; margin: 0.4em 0; }
        table.facts td { padding: 0.15em 0.6em 0.15em 0; vertical-align: top; }
        .footer { display: flex; margin-top: 1em; break-inside: avoid; }

        """ + ReferralDocument.signatureStyle

    public func html() -> String {
        let e = Escaping.html
        let upper = e(letter.upperUnion?.name.uppercased() ?? "")
        return """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <title>Giấy giới thiệu sinh hoạt Đoàn — \(e(letter.member.fullName))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            \(ReferralDocument.htmlHeader(upper: upper, issuer: issuerLine, number: number, dateLine: dateLine))
            <h1>GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN</h1>
            <p>Kính gửi: <b>\(e(letter.destination))</b></p>
            <p>\(e(introduction))</p>
            <table class="facts">
            \(facts.map { "<tr><td>\(e($0.label)):</td><td><b>\(e($0.value))</b></td></tr>" }.joined(separator: "\n"))
            </table>
            <p>\(e(request))</p>
            <p>\(e(validity))</p>
            \(ReferralDocument.htmlFooter(signature, firstRecipient: "Như trên"))
            </body>
            </html>

            """
    }
}
