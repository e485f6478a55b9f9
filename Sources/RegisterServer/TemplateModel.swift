import Foundation
/// A page's model as the templates read it: the structs of this module and of RegisterViews
/// turned into dictionaries once per render.
///
/// swift-mustache reads a struct's field by building a new `Mirror` and scanning all its
/// fields on every `{{name}}`, and a name not found in a row is looked for again in every
/// enclosing object; on a member's page that reflection was most of the server's time
/// (measured with perf, BENCHMARKS.md). Dictionaries are read by key. A field that is nil is
/// left out, which is what the template saw before (swift-mustache treats a nil field as
/// not there); values of other modules' types (a `Day`, an HTTP status) are left as they are, so
/// they render as before.
enum TemplateModel {
    /// The page models (this module) and the JSON shapes they hold (RegisterViews, fields of
    /// text, numbers and lists only).
    private static let ownModules = ["RegisterServer.", "RegisterViews."]

    static func flattened(_ value: Any) -> Any {
        // Text and the words of a page, the most common values, need no reflection.
        if value is String || value is [String: String] || value is Bool || value is Int { return value }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct where isOwn(value):
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = present(child.value) else { continue }
                fields[label] = flattened(field)
            }
            return fields
        case .optional:
            return present(value).map(flattened) ?? value
        case .collection:
            return mirror.children.map { flattened($0.value) }
        case .dictionary:
            guard let dictionary = value as? [String: Any] else { return value }
            return dictionary.mapValues(flattened)
        default:
            return value
        }
    }

    /// Whether a value's type is one of this module's or RegisterViews'. Asked for every
    /// struct of every page, so each type's answer is kept: writing out a type's name was
    /// a share of a member page's time of its own (perf).
    private static func isOwn(_ value: Any) -> Bool {
        let type = type(of: value)
        let key = ObjectIdentifier(type)
        if let known = ownTypesLock.withLock({ ownTypes[key] }) { return known }
        let name = String(reflecting: type)
        let own = ownModules.contains { name.hasPrefix($0) }
        ownTypesLock.withLock { ownTypes[key] = own }
        return own
    }

    private static let ownTypesLock = NSLock()
    /// Read and written under `ownTypesLock` only.
    nonisolated(unsafe) private static var ownTypes: [ObjectIdentifier: Bool] = [:]

    /// The value an optional holds, nil for an empty one; any other value as it is. A cast
    /// to `OptionalValue` tells an optional without building a `Mirror` for every field.
    private static func present(_ value: Any) -> Any? {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrapped
    }
}

/// An optional seen through `Any`, whatever it wraps (`TemplateModel.present`).
private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrapped: Any? { self.map { $0 } }
}
