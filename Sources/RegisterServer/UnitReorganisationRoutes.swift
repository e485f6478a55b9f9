import Hummingbird
import RegisterStore
import RegisterViews
import UnionRegister

/// The API routes of the unit reorganisations (docs/CLI.md, "HTTP API"): `POST
/// /api/units/{code}/rename|move|merge`, each a JSON object of the command's options and
/// answered with the unit's history as `unit history --format json` prints it, for an
/// office account whose subtree holds every unit named; and `GET /api/units/{code}/history`.
struct UnitReorganisationRoutes {
    let services: ServerServices

    /// What each route does with the body's fields.
    private static let changes: [(path: String, perform: @Sendable (ScopedRegister, String, FormInput) throws -> Void)] = [
        ("rename", { register, code, input in try register.renameUnit(code, to: try input.required("name"), on: try input.day("on")) }),
        ("move", { register, code, input in try register.moveUnit(code, under: try input.required("parent"), on: try input.day("on")) }),
        ("merge", { register, code, input in try register.mergeUnits([code], into: try input.required("into"), on: try input.day("on")) }),
    ]

    func addAPI(to api: RouterGroup<ServerContext>) {
        for change in Self.changes {
            api.postWrite("units/:code/\(change.path)", services) { register, code, input in
                try change.perform(register, code, input)
                return try APIResponse.json(try register.unitHistory(code).map(UnitHistoryJSON.init))
            }
        }
        api.get("units/:code/history") { request, context in
            let register = try services.scoped(context, request)
            return try APIResponse.json(try register.unitHistory(try context.codeParameter()).map(UnitHistoryJSON.init))
        }
    }
}
