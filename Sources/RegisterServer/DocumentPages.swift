import Crypto
import Foundation
import Hummingbird
import RegisterStore
import RegisterViews

/// The member's printable documents as pages: the referral resolution (form 4-KNĐ) and
/// the introduction letter of a departure, rendered by the same `ReferralDocument` and
/// `DepartureLetterDocument` as `referral document` and `member letter --format html`,
/// so the page prints on A4 exactly as the command line's file does. What the register
/// does not hold (the place, the Party cell and committee, the signer) comes from the
/// query, as the command line takes it from options.
struct DocumentPages {
    let services: ServerServices

    func add(to pages: RouterGroup<ServerContext>) {
        pages.get("/members/:code/document") { request, context in
            let code = try context.codeParameter()
            let document = ReferralDocument(resolution: try services.scoped(context, request).referralResolution(code),
                                            place: request.query("place"), partyCell: request.query("party_cell"),
                                            partyCommittee: request.query("party_committee"), signer: request.query("signer"))
            return Self.response(document.html(), style: ReferralDocument.style)
        }
        pages.get("/members/:code/letter") { request, context in
            let code = try context.codeParameter()
            let document = DepartureLetterDocument(letter: try services.scoped(context, request).departureLetter(code),
                                                   place: request.query("place"), signer: request.query("signer"))
            return Self.response(document.html(), style: DepartureLetterDocument.style)
        }
    }

    /// The document, with a policy that allows its own style sheet (by its SHA-256) and
    /// nothing else: no script, no other style, no form, no frame.
    static func response(_ html: String, style: String) -> Response {
        let hash = Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString()
        return Response(status: .ok, headers: [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy: "default-src 'none'; style-src 'sha256-\(hash)'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
        ], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
