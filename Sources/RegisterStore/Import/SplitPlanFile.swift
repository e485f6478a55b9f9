import UnionRegister

/// The columns of a split plan (`unit split --plan FILE.csv`): the member (of a branch
/// split) or the branch (of a grassroots union split), and the unit it goes to.
enum SplitPlanColumn: String, CSVColumns {
    case member
    case branch
    case unit

    var aliases: [String] {
        switch self {
        case .member: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .branch: return ["Chi đoàn chuyển", "Mã chi đoàn"]
        case .unit: return ["Chi đoàn", "Đơn vị"]
        }
    }

    var isRequired: Bool { self == .unit }
}

/// Reads a split plan file into the domain's `SplitPlan`: a file that cannot be read, or
/// a line without a member or a unit, is refused naming the file, line and column.
public enum SplitPlanFile {
    public static func read(path: String) throws -> SplitPlan {
        var table: CSVTable<SplitPlanColumn>
        do {
            table = try CSVTable(path: path)
        } catch let refused as ImportRefused {
            throw refusal(refused.report.problems[0])
        }
        var placements: [SplitPlan.Placement] = []
        while let next = try table.next() {
            switch next {
            case .failure(let problem): throw refusal(problem)
            case .success(let row):
                do {
                    let placed = try row[.branch] ?? row.required(.member)
                    placements.append(SplitPlan.Placement(code: placed, unitCode: try row.required(.unit), line: row.line))
                } catch let problem as ImportProblem {
                    throw refusal(problem)
                }
            }
        }
        return SplitPlan(placements: placements)
    }

    private static func refusal(_ problem: ImportProblem) -> RegisterError {
        let column = problem.column.map { ", \($0)" } ?? ""
        return RegisterError.badInput(Text(vi: "\(problem.file), dòng \(problem.line)\(column): \(problem.message.vi)",
                                           en: "\(problem.file), line \(problem.line)\(column): \(problem.message.en)"),
                                      fix: Text(vi: "Tệp phương án có hai cột: member (mã đoàn viên; branch: mã chi đoàn khi chia tách đoàn cơ sở), unit (mã đơn vị đến).",
                                                en: "A plan file has two columns: member (member code; branch: the branch's code to split a grassroots union), unit (the unit it goes to)."))
    }
}
