import Foundation
import Hummingbird

/// The files served as they are from the Resources `Static` folder: the style sheet and
/// the OpenAPI document. Only names listed here are served, so no path reaches the disk.
enum StaticFile {
    static let types = ["style.css": "text/css; charset=utf-8", "openapi.json": "application/json; charset=utf-8"]

    static func response(_ name: String) throws -> Response {
        guard let type = types[name], let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Static"),
              let data = try? Data(contentsOf: url) else { throw HTTPError(.notFound) }
        return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `GET /api/openapi.json`: the hand-written contract of the API, checked against the
/// routes by the tests.
enum OpenAPIDocument {
    static func response() throws -> Response { try StaticFile.response("openapi.json") }
}
