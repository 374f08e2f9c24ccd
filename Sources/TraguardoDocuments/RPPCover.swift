import Foundation
import TraguardoCore

/// The cover and preface of a merged Ente's RPP (seed 003, righe 1-30): the new Ente, the act approving the
/// document, how it was made (the union of the original Enti's RPP) and the parts that follow; and, for each
/// part, the acts that approved and updated it.
enum RPPCover {
    static func blocks(for plan: CyclePlan, parts: [CyclePlan]) -> [DocumentBlock] {
        let year = plan.cycle.year
        var blocks: [DocumentBlock] = [.heading(level: 1, text: "\(plan.entity.name): Relazione Previsionale e Programmatica \(year)")]
        if let act = approvingAct(of: plan) {
            blocks.append(.paragraph("Relazione Previsionale e Programmatica \(year), approvata con \(act.label)."))
        }
        blocks.append(.heading(level: 2, text: "Premessa"))
        var origin = "\(shortName(plan)) è nata"
        if let date = plan.entity.establishedOn { origin += " il \(date.italian)" }
        origin += " dall'accorpamento di " + list(parts.map(shortName))
        if let decree = plan.acts.first(where: { $0.kind == .decreto }) { origin += " (\(decree.label): \(decree.subject))" }
        blocks.append(.paragraph(origin + "."))
        blocks.append(.paragraph(
            "La Relazione Previsionale e Programmatica \(year) dell'Ente è l'unione delle Relazioni Previsionali e "
                + "Programmatiche \(year) delle \(parts.count) Camere di origine, ognuna nel suo modello, riportate nelle "
                + "parti che seguono."))
        if let act = approvingAct(of: plan) { blocks.append(.note("\(act.label): \(act.subject)")) }
        var rows: [[TableCell]] = []
        for (number, part) in parts.enumerated() {
            rows.append([
                TableCell("Parte \(roman(number + 1))"), TableCell(part.entity.name),
                TableCell(acts(of: part).map(\.label).joined(separator: "; ")),
            ])
        }
        blocks.append(.table(DocumentTable(
            caption: "Le Relazioni \(year) delle Camere di origine", columns: ["Parte", "Camera di Commercio", "Atti"],
            rows: rows)))
        return blocks
    }

    /// The act that approved the Ente's plan: the one with an approval variation, else the latest delibera.
    static func approvingAct(of plan: CyclePlan) -> Act? {
        if let approving = PlanApproval.approvingAct(of: plan) { return approving }
        let ordered = plan.acts.sorted { ($0.date ?? CivilDate(year: 1, month: 1, day: 1)) > ($1.date ?? CivilDate(year: 1, month: 1, day: 1)) }
        return ordered.first { $0.kind == .delibera }
    }

    /// The acts that approved or changed the part's plan, oldest first (not those about a single node).
    static func acts(of plan: CyclePlan) -> [Act] {
        let aboutANode = Set(plan.variations.filter { $0.nodeID != nil }.map(\.actID))
        let aboutThePlan = Set(plan.variations.filter { $0.nodeID == nil }.map(\.actID))
        return plan.acts
            .filter { aboutThePlan.contains($0.id) || !aboutANode.contains($0.id) }
            .sorted { ($0.date ?? CivilDate(year: 1, month: 1, day: 1)) < ($1.date ?? CivilDate(year: 1, month: 1, day: 1)) }
    }

    static func approval(of plan: CyclePlan) -> [DocumentBlock] {
        acts(of: plan).map { .paragraph("\($0.label): \($0.subject).") }
    }

    static func partTitle(_ plan: CyclePlan) -> String {
        "Relazione Previsionale e Programmatica \(plan.cycle.year) della \(shortName(plan))"
    }

    /// `CCIAA Lucca`, else the legal name.
    static func shortName(_ plan: CyclePlan) -> String {
        plan.entity.shortName ?? plan.entity.name
    }

    /// `a, b e c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " e " + items.last!
    }

    static func roman(_ n: Int) -> String {
        let table: [(Int, String)] = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var out = ""
        for (value, letters) in table {
            while rest >= value {
                out += letters
                rest -= value
            }
        }
        return out
    }
}
