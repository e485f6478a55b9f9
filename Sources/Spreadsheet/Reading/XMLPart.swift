import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a reader of one workbook part does with the elements XMLParser meets. Names come
/// without their namespace prefix (`x:row` is `row`): writers differ in the prefixes they use.
protocol XMLPartHandler: AnyObject {
    func start(_ element: String, _ attributes: [String: String]) throws
    func text(_ text: String)
    func end(_ element: String) throws
}

extension XMLPartHandler {
    func text(_ text: String) {}
    func end(_ element: String) throws {}
}

/// Parses a part of the workbook at `url` as a stream, feeding `handler`; a handler's error
/// stops the parse and is rethrown, as is a part that is not well-formed XML.
enum XMLPart {
    static func parse(_ path: String, in url: URL, with handler: XMLPartHandler, stream: PartStream? = nil) throws {
        let input = try stream ?? PartStream(archiveAt: url, path: path)
        let parser = XMLParser(stream: input)
        let delegate = Delegate(handler)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        if let failure = delegate.failure { throw failure }
        if !ok {
            throw SpreadsheetError.damaged(part: path, reason: parser.parserError.map { "\($0.localizedDescription)" } ?? "not XML")
        }
    }

    static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let handler: XMLPartHandler
        var failure: Error?
        init(_ handler: XMLPartHandler) { self.handler = handler }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            var local: [String: String] = [:]
            for (key, value) in attributes { local[XMLPart.localName(key)] = value }
            run(parser) { try handler.start(XMLPart.localName(elementName), local) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { handler.text(string) }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            run(parser) { try handler.end(XMLPart.localName(elementName)) }
        }

        private func run(_ parser: XMLParser, _ body: () throws -> Void) {
            guard failure == nil else { return }
            do { try body() } catch {
                failure = error
                parser.abortParsing()
            }
        }
    }
}
