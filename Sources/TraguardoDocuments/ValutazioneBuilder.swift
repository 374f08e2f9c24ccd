import Foundation
import TraguardoCore

/// The «Scheda di valutazione» of an Ente-year, in the layout of the managers' summary the Ente hands to the OIV
/// (seed 001, allegato n. 4, «Risultato 2013 Sg + Dirigenti»): one chapter per manager, the Segretario Generale
/// first, with the name and role, a table of their objectives, each objective followed by its indicators with the
/// PROPOSTA % RAGGIUNGIMENTO (a derived indicator with what it is taken from, each part with its result) and
/// closed by the objective's %, peso and punteggio, the total punteggio, and the
/// lines the OIV fills in (punteggio attribuito, giudizio, data, firme).
///
/// Every figure is the scoring engine's (`Score.shown`, `Score.points`): nothing is recomputed here.
public enum ValutazioneBuilder {
    /// The line a reader writes on by hand.
    public static let blankLine = "________________________________________"

    /// - Parameters:
    ///   - source: what the plan was read from, for the line saying what the document was made from; nil leaves it out.
    public static func build(plan: CyclePlan, scores: PlanScores, source: String? = nil) -> Document {
        var blocks: [DocumentBlock] = []
        for personID in managerOrder(plan: plan, scores: scores) {
            guard let manager = scores.managers[personID] else { continue }
            blocks += sheet(personID: personID, manager: manager, plan: plan, scores: scores)
        }
        if blocks.isEmpty {
            blocks.append(.paragraph("Il piano non assegna obiettivi individuali al Segretario Generale o ai dirigenti."))
        }
        return .scored(
            title: "Scheda di valutazione \(plan.cycle.year)",
            subtitle: "Risultato \(plan.cycle.year) Segretario Generale e Dirigenti: proposta di % di raggiungimento e punteggio",
            plan: plan, scores: scores, source: source, blocks: blocks)
    }

    /// The Segretario Generale first, then the dirigenti, each group in the plan's order of people; managers the
    /// plan does not list as people come last, by id.
    static func managerOrder(plan: CyclePlan, scores: PlanScores) -> [String] {
        let year = plan.cycle.year
        func rank(_ personID: String) -> Int {
            let roles = plan.roles.filter { $0.personID == personID && $0.isActive(in: year) }.map(\.role)
            if roles.contains(.segretarioGenerale) { return 0 }
            if roles.contains(.dirigente) { return 1 }
            return 2
        }
        let people = plan.people.map(\.id).filter { scores.managers[$0] != nil }
        let others = scores.managers.keys.filter { id in !people.contains(id) }.sorted()
        return (people + others).enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// `Segretario Generale – Segreteria Generale`, `Dirigente – Area Amministrazione e Personale`.
    static func role(of personID: String, plan: CyclePlan, fallback: String) -> String {
        let units = Dictionary(plan.units.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let roles = plan.roles.filter { $0.personID == personID && $0.isActive(in: plan.cycle.year) }
            .filter { $0.role == .segretarioGenerale || $0.role == .dirigente }
        guard !roles.isEmpty else { return fallback }
        return roles.map { role in
            let acting = role.acting ? " (facente funzione)" : ""
            guard let unit = role.unitID.flatMap({ units[$0] }) else { return role.role.label + acting }
            return "\(role.role.label)\(acting) – \(unit)"
        }.joined(separator: "; ")
    }

    private static func sheet(personID: String, manager: ScoredElement, plan: CyclePlan, scores: PlanScores) -> [DocumentBlock] {
        let person = plan.people.first { $0.id == personID }
        let name = person.map { [$0.title, $0.name].compactMap { $0 }.joined(separator: " ") } ?? manager.subject.code
        var blocks: [DocumentBlock] = [.heading(level: 1, text: "Scheda di valutazione – \(name)")]
        blocks.append(.paragraph("Valutato: \(name). Ruolo: \(role(of: personID, plan: plan, fallback: manager.subject.title))."))

        let objectives = plan.objectives.filter { $0.kind == .individual && $0.managerPersonID == personID }
            .stableSortedByOrder()
        let anyWeight = objectives.contains { $0.weight != nil }
        var rows: [[TableCell]] = []
        var remarks: [String] = []
        for objective in objectives {
            guard let scored = scores.objectives[objective.id] else { continue }
            rows.append([
                TableCell(objective.code, emphasis: .strong), TableCell(clean(objective.title), emphasis: .strong),
                "", "", "",
            ])
            let indicators = plan.indicators.enumerated().filter { $0.element.objectiveID == objective.id }
                .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
            for indicator in indicators {
                guard let indicatorScore = scores.indicators[indicator.id] else { continue }
                rows.append([
                    TableCell(indicator.code), TableCell(clean(indicator.name)),
                    .score(indicatorScore.score, emphasis: emphasis(indicatorScore.score)), "", "",
                ])
                if let detail = derivation(of: indicator, plan: plan, scores: scores) {
                    rows.append(["", TableCell(detail, emphasis: .muted), "", "", ""])
                }
                remarks += notes(indicatorScore.score, about: "\(objective.code)/\(indicator.code)")
            }
            remarks += notes(scored.score, about: objective.code)
            rows.append([
                TableCell("Esito \(objective.code)", emphasis: .strong),
                TableCell(verdict(scored.score), emphasis: .strong),
                .score(scored.score, emphasis: .strong),
                .number(objective.weight, missing: "—"),
                .number(scored.score.points, emphasis: .strong),
            ])
        }
        let weightTotal = anyWeight ? objectives.compactMap(\.weight).reduce(0, +) : nil
        rows.append([
            TableCell("Totale", emphasis: .strong),
            TableCell("Punteggio complessivo proposto (media dei risultati degli obiettivi)", emphasis: .strong),
            .score(manager.score, emphasis: .strong), .number(weightTotal, missing: "—"),
            .number(manager.score.points, emphasis: .strong),
        ])
        blocks.append(.table(DocumentTable(
            caption: "Obiettivi \(plan.cycle.year) di \(name): proposta di % di raggiungimento e punteggio",
            columns: ["Codice", "Obiettivo e indicatori", "Proposta % raggiungimento", "Peso", "Punteggio"], rows: rows)))
        if !anyWeight {
            blocks.append(.note("Il piano non assegna pesi agli obiettivi: il risultato complessivo è la media dei loro risultati."))
        }
        var seen: Set<String> = []
        for remark in remarks where seen.insert(remark).inserted { blocks.append(.note(remark)) }

        blocks.append(.heading(level: 2, text: "Valutazione dell'Organismo indipendente di valutazione"))
        blocks.append(.paragraph(
            "Proposta sottoposta all'OIV: risultato complessivo \(manager.score.shown)"
                + (manager.score.isNotComputable ? "" : "%") + ", punteggio \(points(manager.score).isEmpty ? "non assegnato" : points(manager.score))."))
        blocks.append(.table(DocumentTable(
            caption: "Valutazione dell'OIV – \(name)", columns: ["Voce", "Annotazione"],
            rows: [
                [TableCell("Punteggio proposto"), .number(manager.score.points, missing: "—")],
                [TableCell("Punteggio attribuito dall'OIV"), TableCell(blankLine)],
                [TableCell("Giudizio e osservazioni dell'OIV"), TableCell(blankLine)],
                [TableCell(""), TableCell(blankLine)],
                [TableCell("Data"), TableCell(blankLine)],
                [TableCell("Firma dell'OIV"), TableCell(blankLine)],
                [TableCell("Firma del valutato, per presa visione"), TableCell(blankLine)],
            ])))
        return blocks
    }

    /// `Obiettivo complessivamente realizzato al 99,65%`, `Obiettivo non computabile: motivo`.
    static func verdict(_ score: Score) -> String {
        if score.isNotComputable {
            var reason = score.notes.first { $0.kind == .notComputable }?.text ?? ""
            if reason.hasPrefix("N.C.: ") { reason = String(reason.dropFirst("N.C.: ".count)) }
            return reason.isEmpty ? "Obiettivo non computabile (N.C.)" : "Obiettivo non computabile (N.C.): \(reason)"
        }
        if score.value == 100 || score.shown == "100" { return "Obiettivo realizzato al 100%" }
        return "Obiettivo complessivamente realizzato al \(score.shown)%"
    }

    /// What a derived indicator is taken from, with each part's result as the engine shows it, as the seed writes
    /// it under the indicator: `Derivato da: C40105 (realizzato al 100%) E30101 (realizzato al 100%) …`; for a
    /// single project, its measured items (`1a N.C.; 1b 100; …; 3 N.C.`). Nil for an indicator measured by its own items.
    static func derivation(of indicator: Indicator, plan: CyclePlan, scores: PlanScores) -> String? {
        guard let derived = indicator.derivedFrom else { return nil }
        if !derived.further.isEmpty {
            // Several sources: each one as it is written alone.
            let parts = derived.sources.compactMap { source -> String? in
                var single = indicator
                single.derivedFrom = ScoreDerivation(kind: source.kind, codes: source.codes)
                return derivation(of: single, plan: plan, scores: scores)
            }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        }
        func result(_ element: ScoredElement?) -> String {
            guard let score = element?.score else { return "non trovato" }
            return score.isNotComputable ? "N.C." : "realizzato al \(score.shown)%"
        }
        switch derived.kind {
        case .nodes:
            if derived.codes.count == 1, let node = plan.nodes.first(where: { $0.code == derived.codes[0] }) {
                // As the seed lists them (righe 2917-2932): each measured item, named by the indicator when it is alone.
                let own = plan.indicators.enumerated().filter { $0.element.nodeID == node.id }
                    .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
                var parts: [String] = []
                for indicator in own {
                    let items = plan.items.enumerated().filter { $0.element.indicatorID == indicator.id }
                        .sorted { ($0.element.sortOrder, $0.offset) < ($1.element.sortOrder, $1.offset) }.map(\.element)
                        .filter { scores.items[$0.id] != nil }
                    if items.count > 1 {
                        parts += items.map { "\($0.code) \(scores.items[$0.id]!.score.shown)" }
                    } else if let scored = scores.indicators[indicator.id] {
                        parts.append("\(indicator.code) \(scored.score.shown)")
                    }
                }
                if !parts.isEmpty { return "Derivato dagli indicatori di \(node.code): \(parts.joined(separator: "; "))" }
            }
            guard !derived.codes.isEmpty else { return nil }
            return "Derivato da: " + derived.codes.map { "\($0) (\(result(scores.node(code: $0))))" }.joined(separator: " ")
        case .objectives:
            guard !derived.codes.isEmpty else { return nil }
            return "Derivato da: " + derived.codes.map { "\($0) (\(result(scores.objective(code: $0))))" }.joined(separator: " ")
        case .procedures:
            return scores.procedureTotal.map { "Derivato dai procedimenti monitorati: risultato finale \($0.score.shown)%" }
        case .serviceCharter:
            return scores.serviceCharter.map { "Derivato dalla Carta dei servizi: \($0.score.shown)%" }
        }
    }

    static func points(_ score: Score) -> String { score.points.map { ItalianFormatting.number($0) } ?? "" }

    static func emphasis(_ score: Score) -> CellEmphasis {
        if score.isJustifiedDeviation || score.isOverridden { return .flagged }
        if score.isNotComputable { return .muted }
        return .none
    }

    /// What travels with a score: an N.C. reason, a justified deviation, a manual change, said where it applies.
    static func notes(_ score: Score, about code: String) -> [String] {
        score.notes.compactMap { note in
            guard note.source == nil else { return nil }
            switch note.kind {
            case .notComputable: return "\(code): \(note.text.hasPrefix("N.C.") ? note.text : "N.C.: \(note.text)")"
            case .justifiedDeviation: return "\(code): scostamento giustificato – \(note.text)"
            case .override: return "\(code): modifica manuale – \(note.text)"
            case .missingMeasurement, .warning: return nil
            }
        }
    }

    static func clean(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
