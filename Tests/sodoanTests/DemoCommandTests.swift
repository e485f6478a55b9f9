import Foundation
import PostgresTestSupport
import Testing

@Suite("sodoan demo, end to end", .serialized)
struct DemoCommandTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "samples").path

    @Test func toursTheSampleRegisterAndLeavesNothingBehind() throws {
        let cli = try CLI()
        defer { cli.cleanUp() }
        let result = try cli.run(["demo", "--samples", Self.samples], useDB: false)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("members.csv: 204 dòng"))
        #expect(result.stdout.contains("$ sodoan unit list --tree"))
        #expect(result.stdout.contains("Đoàn cơ sở Sở Y tế"))
        // The tour looks at the samples as of their own day, so its check is clean on any day.
        #expect(result.stdout.contains("$ sodoan check --as-of 2026-11-22"))
        #expect(result.stdout.contains("Kiểm tra xong: 0 lỗi, 0 lưu ý."))
        #expect(result.stdout.contains("$ sodoan report annual --year 2025 --unit YT"))
        #expect(result.stdout.contains("Cân đối: đầu kỳ + biến động = cuối kỳ ở mọi đơn vị"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.directory.path).isEmpty)
    }

    @Test(arguments: RegisterEngineKind.allCases) func keepsTheSampleRegisterWhenAskedAndSpeaksEnglish(_ kind: RegisterEngineKind) throws {
        let cli = try CLI(kind)
        defer { cli.cleanUp() }
        let result = try cli.run(["demo", "--samples", Self.samples, "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("The sample register is kept at"))
        #expect(result.stdout.contains("Check done: 0 errors, 0 warnings."))
        #expect(try cli.ok(["member", "list", "--format", "csv"]).split(separator: "\n").count > 100)
    }
}
