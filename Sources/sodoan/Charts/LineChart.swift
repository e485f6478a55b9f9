import RegisterViews

/// A line chart of one value over the years per series (members at each year's end per
/// unit), readable in black and white: each series has its own dash pattern and marker, and
/// its name written at the end of its line.
struct LineChart {
    struct Series {
        var name: String
        /// One value per year, in the order of `years`.
        var values: [Int]
    }

    var title: String
    var years: [Int]
    var series: [Series]

    static let width = 680.0, height = 360.0
    private static let left = 60.0, right = 150.0, top = 40.0, bottom = 40.0
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"]
    static let markers = ["circle", "square", "triangle", "diamond", "cross", "plus"]

    func svg() -> String {
        let maximum = max(1, series.flatMap(\.values).max() ?? 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ index: Int) -> Double { Self.left + (years.count > 1 ? plotWidth * Double(index) / Double(years.count - 1) : plotWidth / 2) }
        func y(_ value: Int) -> Double { Self.top + plotHeight * (1 - Double(value) / Double(maximum)) }
        var body = [SVG.text(title, x: Self.width / 2, y: 20, anchor: "middle", size: 13),
                    SVG.line(x1: Self.left, y1: Self.top, x2: Self.left, y2: Self.height - Self.bottom),
                    SVG.line(x1: Self.left, y1: Self.height - Self.bottom, x2: Self.width - Self.right, y2: Self.height - Self.bottom)]
        for tick in 0...4 {
            let value = maximum * tick / 4
            body.append(SVG.line(x1: Self.left - 4, y1: y(value), x2: Self.left, y2: y(value)))
            body.append(SVG.text(String(value), x: Self.left - 6, y: y(value) + 4, anchor: "end"))
        }
        for (index, year) in years.enumerated() {
            body.append(SVG.text(String(year), x: x(index), y: Self.height - Self.bottom + 16, anchor: "middle"))
        }
        for (number, series) in series.enumerated() {
            let points = series.values.enumerated().map { (x($0.offset), y($0.element)) }
            let dash = Self.dashes[number % Self.dashes.count]
            body.append("<polyline class=\"series\" data-series=\"\(Escaping.html(series.name))\" fill=\"none\" stroke=\"black\""
                        + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + " points=\""
                        + points.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ") + "\"/>")
            for point in points { body.append(marker(Self.markers[number % Self.markers.count], at: point)) }
            if let last = points.last {
                body.append(SVG.text(series.name, x: last.0 + 8, y: last.1 + 4))
            }
        }
        return SVG.document(width: Int(Self.width), height: Int(Self.height), title: title, body)
    }

    /// A small black marker of the series' shape at a point (one per year: what a test counts).
    private func marker(_ shape: String, at point: (Double, Double)) -> String {
        let (x, y) = (SVG.number(point.0), SVG.number(point.1))
        let attributes = "class=\"point\" stroke=\"black\""
        switch shape {
        case "circle": return "<circle \(attributes) fill=\"white\" cx=\"\(x)\" cy=\"\(y)\" r=\"3\"/>"
        case "square": return "<rect \(attributes) fill=\"black\" x=\"\(SVG.number(point.0 - 3))\" y=\"\(SVG.number(point.1 - 3))\" width=\"6\" height=\"6\"/>"
        default:
            let offsets: [(Double, Double)]
            switch shape {
            case "triangle": offsets = [(0, -4), (4, 3), (-4, 3)]
            case "diamond": offsets = [(0, -4), (4, 0), (0, 4), (-4, 0)]
            case "cross": offsets = [(-3, -3), (3, 3), (0, 0), (3, -3), (-3, 3), (0, 0)]
            default: offsets = [(-4, 0), (4, 0), (0, 0), (0, -4), (0, 4), (0, 0)]
            }
            return "<polygon \(attributes) fill=\"\(shape == "diamond" ? "black" : "white")\" points=\""
                + offsets.map { "\(SVG.number(point.0 + $0.0)),\(SVG.number(point.1 + $0.1))" }.joined(separator: " ") + "\"/>"
        }
    }
}
