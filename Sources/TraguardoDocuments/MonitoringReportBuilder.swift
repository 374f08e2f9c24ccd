import Foundation
import TraguardoCore

/// The «Relazione di monitoraggio» to the Giunta for an interim period: the progress of every objective and
/// indicator against the year's target (the scores at the period), what is still missing, the corrective
/// actions the offices wrote beside the items at risk, and the year-end forecast of every item with the rule it
/// follows (`YearEndForecast`), «a rischio» where the forecast misses the target.
public enum MonitoringReportBuilder {
    public static func build(plan: CyclePlan, scores: PlanScores, source: String? = nil) -> Document {
        let periodCode = scores.periodCode ?? plan.periods.max { $0.sequence < $1.sequence }?.code ?? ""
        let period = plan.period(code: periodCode)
        let forecast = YearEndForecast.compute(plan, period: periodCode)
        let listed = scores.listed(in: plan).map(\.element)
        let itemPaths = Dictionary(
            listed.filter { $0.subject.kind == .item }.map { ($0.subject.id, $0.subject.path) }, uniquingKeysWith: { a, _ in a })
        let indicators = Dictionary(plan.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let measurements = period.map { plan.measurementsByItem(in: $0) } ?? [:]
        func count(_ status: YearEndForecast.Status) -> Int { forecast.lines.filter { $0.status == status }.count }

        var blocks: [DocumentBlock] = [
            .paragraph(
                "Stato di avanzamento al \(period?.endsOn.italian ?? periodCode) (\(period?.name ?? periodCode)), "
                    + "periodo \(period?.status == .closed ? "chiuso" : "aperto: i valori possono ancora cambiare")."),
            .note(YearEndForecast.ruleText),
            .table(DocumentTable(caption: "Sintesi della previsione", columns: ["Item", "Numero"], rows: [
                ["in linea con il target", .number(Decimal(count(.onTrack)))],
                ["a rischio", .number(Decimal(count(.atRisk)), emphasis: count(.atRisk) > 0 ? .flagged : .none)],
                ["valore mancante", .number(Decimal(count(.missing)))],
                ["non prevedibili (scadenze, realizzazioni, target non numerici)", .number(Decimal(count(.notForecast)))],
            ])),
            .heading(level: 2, text: "Avanzamento degli obiettivi"),
        ]
        let progress = listed.filter { $0.subject.kind == .node || $0.subject.kind == .objective }
        blocks.append(progress.isEmpty
            ? .paragraph("Il piano non ha obiettivi con punteggio al periodo.")
            : .table(DocumentTable(
                caption: "Percentuale di realizzazione al periodo", columns: ["Codice", "Obiettivo", "% al periodo"],
                rows: progress.map { [TableCell($0.subject.path), TableCell($0.subject.title), TableCell.score($0.score)] })))

        blocks.append(.heading(level: 2, text: "Indicatori: valori, target e previsione a fine anno"))
        let lines = forecast.lines.map { line -> [TableCell] in
            let indicator = indicators[line.indicatorID]
            let target = line.target.map { (line.comparator?.symbol ?? "") + " " + $0.italian } ?? "—"
            return [
                TableCell(itemPaths[line.itemID] ?? line.itemID), TableCell(indicator?.name ?? line.indicatorID), TableCell(target),
                TableCell(line.lastValue.map { $0.italian + (line.lastPeriodCode.map { " (\($0))" } ?? "") } ?? "—"),
                .number(line.forecast, missing: "—"), TableCell(line.method.map { $0.rawValue + (line.basis == .unit ? ", dedotto dall'unità di misura" : "") } ?? "—"),
                TableCell(line.status.rawValue, emphasis: line.status == .atRisk ? .flagged : .none),
            ]
        }
        blocks.append(.table(DocumentTable(
            caption: "Previsione per item",
            columns: ["Item", "Indicatore", "Target dell'anno", "Ultimo valore", "Previsione", "Metodo", "Esito"], rows: lines)))

        blocks.append(.heading(level: 2, text: "Cosa manca"))
        let missing = forecast.lines.filter { $0.status == .missing }
        blocks.append(missing.isEmpty
            ? .paragraph("Nessun valore mancante: ogni item con un target numerico ha un valore rilevato.")
            : .table(DocumentTable(
                caption: "Item senza valore rilevato fino al periodo", columns: ["Item", "Indicatore"],
                rows: missing.map { [TableCell(itemPaths[$0.itemID] ?? $0.itemID),
                                     TableCell(indicators[$0.indicatorID]?.name ?? $0.indicatorID)] })))

        blocks.append(.heading(level: 2, text: "Azioni correttive"))
        let actions: [[TableCell]] = forecast.lines.filter { $0.status == .atRisk }.compactMap { line in
            guard let m = measurements[line.itemID], let text = [m.narrative, m.justificationNote].compactMap({ $0 }).first(where: { !$0.isEmpty })
            else { return nil }
            return [TableCell(itemPaths[line.itemID] ?? line.itemID), TableCell(text)]
        }
        blocks.append(actions.isEmpty
            ? .paragraph("Nessuna azione correttiva registrata per gli item a rischio (la nota della rilevazione del periodo).")
            : .table(DocumentTable(caption: "Azioni correttive registrate per gli item a rischio", columns: ["Item", "Azione"], rows: actions)))
        return .scored(
            title: "Relazione di monitoraggio \(plan.cycle.year)",
            subtitle: "Alla Giunta: stato di avanzamento al periodo \(periodCode) e previsione a fine anno",
            plan: plan, scores: scores, source: source, blocks: blocks)
    }
}
