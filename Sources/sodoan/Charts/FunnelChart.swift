/// The referral funnel per year: for each year a group of bars, one per stage (nominated →
/// referred to class → referred → admitted → official), each bar labelled with its count and
/// told apart by a fill pattern, not only a colour, with a legend.
struct FunnelChart {
    var title: String
    var years: [Int]
    /// The stages' names, in the order of the process.
    var stages: [String]
    /// counts[year index][stage index].
    var counts: [[Int]]

    static let width = 680.0, height = 380.0
    private static let left = 50.0, top = 40.0, bottom = 90.0
    /// Fills that differ in black and white: solid, hatched, dotted, light, none.
    static let fills = ["black", "url(#hatch)", "url(#dots)", "#bbbbbb", "white"]

    func svg() -> String {
        let maximum = max(1, counts.flatMap { $0 }.max() ?? 1)
        let plotHeight = Self.height - Self.top - Self.bottom
        let groupWidth = (Self.width - Self.left - 20) / Double(max(1, years.count))
        let barWidth = groupWidth * 0.8 / Double(max(1, stages.count))
        var body = ["""
            <defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0,6 L6,0" stroke="black"/></pattern>\
            <pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse"><circle cx="2.5" cy="2.5" r="1" fill="black"/></pattern></defs>
            """,
            SVG.text(title, x: Self.width / 2, y: 20, anchor: "middle", size: 13),
            SVG.line(x1: Self.left, y1: Self.height - Self.bottom, x2: Self.width - 20, y2: Self.height - Self.bottom)]
        for (yearIndex, year) in years.enumerated() {
            let groupLeft = Self.left + groupWidth * Double(yearIndex) + groupWidth * 0.1
            for (stageIndex, count) in counts[yearIndex].enumerated() {
                let height = plotHeight * Double(count) / Double(maximum)
                let x = groupLeft + barWidth * Double(stageIndex)
                body.append("<rect class=\"bar\" data-year=\"\(year)\" data-stage=\"\(stageIndex)\" x=\"\(SVG.number(x))\" "
                            + "y=\"\(SVG.number(Self.height - Self.bottom - height))\" width=\"\(SVG.number(barWidth - 1))\" "
                            + "height=\"\(SVG.number(height))\" fill=\"\(Self.fills[stageIndex % Self.fills.count])\" stroke=\"black\"/>")
                body.append(SVG.text(String(count), x: x + barWidth / 2, y: Self.height - Self.bottom - height - 3, anchor: "middle", size: 9))
            }
            body.append(SVG.text(String(year), x: groupLeft + groupWidth * 0.4, y: Self.height - Self.bottom + 15, anchor: "middle"))
        }
        for (index, stage) in stages.enumerated() {
            let x = Self.left + Double(index % 2) * 320, y = Self.height - 58 + Double(index / 2) * 18
            body.append("<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y - 10))\" width=\"12\" height=\"12\" "
                        + "fill=\"\(Self.fills[index % Self.fills.count])\" stroke=\"black\"/>")
            body.append(SVG.text("\(index + 1). \(stage)", x: x + 18, y: y))
        }
        return SVG.document(width: Int(Self.width), height: Int(Self.height), title: title, body)
    }
}
