import RegisterStore
import RegisterViews
import UnionRegister

/// A write on one member that a page form and the API both offer (`/members/{code}/{path}`,
/// `POST /api/members/{code}/{path}`): its fields, what the form shows before anything is
/// typed, and the store write it calls — the same one the command line's command calls,
/// under the same option names. The server decides nothing: the write's refusal is the
/// answer, in the words of the CLI.
struct MemberAction: Sendable {
    var path: String
    var title: Text
    var fields: [FormField]
    /// The form's values before anything is typed.
    var start: @Sendable (MemberFacts, Day) -> [String: String]
    /// Reads the input, writes, and says what was done.
    var perform: @Sendable (ScopedRegister, String, FormInput) throws -> Text

    static let all: [MemberAction] = [update, transfer, arrive, leave, grade, training]

    private static let on = FormField(name: "on", label: Text(vi: "Ngày", en: "Date"), kind: .day, required: true)
    private static let letter = FormField(name: "letter", label: Text(vi: "Số giấy giới thiệu", en: "Letter no."))
    private static func today(_ facts: MemberFacts, _ day: Day) -> [String: String] { ["on": day.description] }

    /// `member update`.
    static let update = MemberAction(
        path: "update", title: Text(vi: "Sửa thông tin đoàn viên", en: "Correct the member's facts"),
        fields: MemberFields.facts, start: { facts, _ in MemberFields.values(of: facts.member) },
        perform: { register, code, input in
            Says.memberUpdated(try register.updateMember(code) { try MemberFields.apply(input, to: &$0) })
        })

    /// `member transfer CODE --to --on`.
    static let transfer = MemberAction(
        path: "transfer", title: Text(vi: "Chuyển sinh hoạt sang chi đoàn khác", en: "Transfer to another branch"),
        fields: [FormField(name: "to", label: Text(vi: "Chi đoàn chuyển đến", en: "Branch moved to"), required: true), on],
        start: today,
        perform: { register, code, input in
            let (to, day) = (try input.required("to"), try input.day("on"))
            try register.transferMember(code, to: to, on: day)
            return Says.memberTransferred(code, to: to, on: day)
        })

    /// `member arrive CODE --unit --on --from --letter`.
    static let arrive = MemberAction(
        path: "arrive", title: Text(vi: "Ghi chuyển sinh hoạt đến", en: "Record an arrival"),
        fields: [FormField(name: "unit", label: Text(vi: "Chi đoàn tiếp nhận", en: "Branch arrived in"), required: true), on,
                 FormField(name: "from", label: Text(vi: "Chuyển từ đơn vị", en: "Coming from"), required: true), letter],
        start: today,
        perform: { register, code, input in
            let unit = try input.required("unit")
            let arrival = Arrival(on: try input.day("on"), from: try input.required("from"), letterNo: input.optional("letter"))
            try register.arriveMember(code, to: unit, arrival)
            return Says.memberArrived(code, in: unit, arrival)
        })

    /// `member leave CODE --on --to --letter`.
    static let leave = MemberAction(
        path: "leave", title: Text(vi: "Ghi chuyển sinh hoạt đi", en: "Record a departure"),
        fields: [on, FormField(name: "to", label: Text(vi: "Đơn vị tiếp nhận (ngoài sổ)", en: "Receiving unit (outside the register)"),
                               required: true), letter],
        start: today,
        perform: { register, code, input in
            let (day, to) = (try input.day("on"), try input.required("to"))
            try register.leaveMember(code, on: day, to: to, letterNo: input.optional("letter"))
            return Says.memberLeft(code, to: to, on: day)
        })

    /// `grade set CODE --year --grade`.
    static let grade = MemberAction(
        path: "grade", title: Text(vi: "Xếp loại đoàn viên", en: "Grade the member"),
        fields: [FormField(name: "year", label: Heading.year, kind: .number, required: true),
                 FormField(name: "grade", label: Heading.grade, kind: FormField.choices(Grade.self) { $0.name })],
        start: { _, day in ["year": String(day.year)] },
        perform: { register, code, input in
            Says.gradeSet(try register.setGrade(code, year: try input.number("year"), grade: try input.choice("grade")))
        })

    /// `training add CODE --kind --completed --started --provider --certificate --result`.
    static let training = MemberAction(
        path: "training", title: Text(vi: "Ghi học tập, bồi dưỡng", en: "Add a training"),
        fields: [FormField(name: "kind", label: Heading.kind, kind: FormField.choices(TrainingKind.self) { $0.name }),
                 FormField(name: "completed", label: Heading.completed, kind: .day, required: true),
                 FormField(name: "started", label: Heading.started, kind: .day),
                 FormField(name: "provider", label: Text(vi: "Nơi tổ chức", en: "Provider")),
                 FormField(name: "certificate", label: Text(vi: "Số chứng nhận", en: "Certificate no.")),
                 FormField(name: "result", label: Text(vi: "Kết quả", en: "Result"))],
        start: { _, day in ["completed": day.description] },
        perform: { register, code, input in
            let record = TrainingRecord(kind: try input.choice("kind"), startedOn: try input.optionalDay("started"),
                                        completedOn: try input.day("completed"), provider: input.optional("provider"),
                                        certificateNo: input.optional("certificate"), result: input.optional("result"))
            try register.addTraining(code, record)
            return Says.trainingRecorded(record, of: code)
        })
}
