import UnionRegister

/// The columns of a split plan (`unit split --plan FILE.csv`): the member and the unit
/// they go to.
enum SplitPlanColumn: String, CSVColumns {
    case member
    case unit

    var aliases: [String] {
        switch self {
        case .member: return ["Số thẻ", "Mã", "Mã đoàn viên"]
        case .unit: return ["Chi đoàn", "Đơn vị"]
        }
    }

    var isRequired: Bool { true }
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
                    placements.append(SplitPlan.Placement(member: try row.required(.member), unitCode: try row.required(.unit),
                                                          line: row.line))
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
                                      fix: Text(vi: "Tệp phương án có hai cột: member (mã đoàn viên), unit (mã đơn vị đến).",
                                                en: "A plan file has two columns: member (member code), unit (the unit they go to)."))
    }
}
