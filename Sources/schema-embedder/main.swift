import Foundation

/// Writes the contents of a schema file as a Swift string constant, so the store applies
/// exactly the file at the top of the repository and never a hand-kept copy of it.
///
/// Usage: `schema-embedder INPUT.sql OUTPUT.swift ENUM-NAME`
let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: schema-embedder INPUT.sql OUTPUT.swift ENUM-NAME\n".utf8))
    exit(64)
}
let sql = try String(contentsOfFile: arguments[1], encoding: .utf8)
// A raw string with enough hashes that no sequence in the SQL can close it.
var hashes = "#"
while sql.contains("\"" + hashes) { hashes += "#" }
let source = """
// Generated at build time from \((arguments[1] as NSString).lastPathComponent) by schema-embedder. Do not edit.
enum \(arguments[3]) {
    static let sql = \(hashes)\"\"\"
\(sql)
\"\"\"\(hashes)
}

"""
try source.write(toFile: arguments[2], atomically: true, encoding: .utf8)
