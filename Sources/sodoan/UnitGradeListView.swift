import RegisterViews
import UnionRegister

/// Renders `unit grades` as a table, JSON (an array of `{"year", "unit", "grade"}`) or CSV.
struct UnitGradeListView {
    var grades: [UnitGrade]
    var language: Language

    func render(_ format: OutputFormat) throws -> String {
        switch format {
        case .json:
            return try JSONOutput.encode(grades)
        case .csv:
            return CSVWriter.document(header: ["year", "unit", "grade"],
                                      rows: grades.map { [String($0.year), $0.unitCode, $0.grade.rawValue] })
        default:
            var table = TextTable([Heading.year, Heading.unit, Heading.grade], language)
            for grade in grades {
                table.append([String(grade.year), grade.unitCode, grade.grade.name(language)])
            }
            return table.render()
        }
    }
}
