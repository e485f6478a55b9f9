import Foundation
import PackagePlugin

/// Embeds a top-level schema file into the target that applies it: `schema.sql` into the
/// RegisterStore module as `EmbeddedSchema.sql`, and its PostgreSQL side,
/// `schema.postgres.sql`, into PostgresStore as `EmbeddedPostgresSchema.sql`. The files
/// stay the one source of truth: editing one rebuilds its store.
@main
struct EmbedSchema: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let (file, name) = target.name == "PostgresStore"
            ? ("schema.postgres.sql", "EmbeddedPostgresSchema") : ("schema.sql", "EmbeddedSchema")
        let input = context.package.directoryURL.appending(path: file)
        let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
        return [
            .buildCommand(
                displayName: "Embedding \(file)",
                executable: try context.tool(named: "schema-embedder").url,
                arguments: [input.path(), output.path(), name],
                inputFiles: [input],
                outputFiles: [output]
            )
        ]
    }
}
