import Foundation

/// Results and notes speak of the cycle's own year: "nel corso del 2017" in a 2018 report, or a
/// strategic target for "2020-2021" in a 2022 plan, or a 2022 target due "entro il 31/12/2021",
/// are left over from a previous year.
public struct StaleYearCheck: PlanCheck {
    public let code = "ANNO-NON-PERTINENTE"
    public let title = "Anni non pertinenti"

    public init() {}

    /// Years named as the time of an event: "nel 2017", "nel corso del 2017", "concluse nel 2017".
    static func eventYears(in text: String) -> [Int] {
        text.matches(of: /(?i)\bnel(?:\s+corso\s+del(?:l'anno)?)?\s+((?:19|20)[0-9]{2})\b/).compactMap { Int($0.1) }
    }

    /// Years a deadline names: "entro febbraio 2021", "entro il 31/12/2021" → [2021].
    static func deadlineYears(in text: String) -> [Int] {
        text.matches(of: /(?i)\bentro\b[^.;:]{0,25}?\b((?:19|20)[0-9]{2})\b/).compactMap { Int($0.1) }
    }

    public func findings(in context: CheckContext) -> [Finding] {
        let plan = context.plan
        let year = plan.cycle.year
        var texts: [(kind: String, code: String, text: String, provenance: Provenance?)] = []
        let itemsByID = Dictionary(plan.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for measurement in plan.measurements {
            let code = itemsByID[measurement.itemID]?.code ?? measurement.itemID
            for text in [measurement.text, measurement.narrative, measurement.justificationNote].compactMap({ $0 }) {
                texts.append(("rilevazione", code, text, measurement.provenance))
            }
        }
        let standards = Dictionary(plan.serviceStandards.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        for row in plan.serviceResults where row.year == year {
            for text in [row.note, row.measuredText, row.notComputableReason].compactMap({ $0 }) {
                texts.append(("carta-dei-servizi", standards[row.standardID] ?? row.standardID, text, row.provenance))
            }
        }
        // How a monitored procedure is measured in the cycle's year: a control system or a source
        // naming only an older year («rilevazione al 31.01.2011», «sgravi evasi nei termini 2012»)
        // was copied from a previous list. (The expected result may name a reference year: not read.)
        // Years are delimited by non-digits: «31.01.2011» is a single word for `\b`.
        var procedureTexts: [(code: String, text: String, provenance: Provenance?)] = []
        for procedure in plan.procedures {
            for text in [procedure.controlSystem].compactMap({ $0 }) + procedure.sources {
                procedureTexts.append((procedure.code, text, procedure.provenance))
            }
        }
        var result: [Finding] = []
        for entry in procedureTexts {
            let years = Set(entry.text.matches(of: /(?:^|[^0-9])((?:19|20)[0-9]{2})(?![0-9])/).compactMap { Int($0.1) })
            guard !years.isEmpty, years.allSatisfy({ $0 < year }), let stale = years.max() else { continue }
            result.append(Finding(
                code: code, severity: .warning, elementKind: "procedimento", elementCode: entry.code,
                provenance: entry.provenance,
                message: "Il procedimento \(entry.code) è misurato con «\(entry.text.prefix(120))», che parla del "
                    + "\(stale) in un documento del \(year). Aggiornare il testo all'anno del ciclo."))
        }
        for entry in texts {
            let years = Set(Self.eventYears(in: entry.text))
            // A text that speaks of the cycle's year too names the older one as context
            // («nel corso del 2018 … linee formative avviate nel 2017»).
            guard !years.contains(year) else { continue }
            for stale in years.sorted() where stale < year {
                result.append(Finding(
                    code: code, severity: .warning, elementKind: entry.kind, elementCode: entry.code,
                    provenance: entry.provenance,
                    message: "Il testo «\(entry.text.prefix(120))» parla del \(stale) in un documento del \(year). "
                        + "Aggiornare il testo all'anno del ciclo."))
            }
        }
        let lookup = PlanLookup(plan)
        var reportedTargets: Set<String> = []
        for target in plan.targets where target.year == year {
            guard let indicator = lookup.indicatorsByID[target.indicatorID] else { continue }
            var stale = Set((target.text.map(Self.deadlineYears) ?? []).filter { $0 < year })
            if let deadline = target.deadline, deadline.year < year { stale.insert(deadline.year) }
            let code = lookup.indicatorCode(indicator)
            guard let first = stale.sorted().first, reportedTargets.insert(code).inserted else { continue }
            result.append(Finding(
                code: self.code, severity: .warning, elementKind: "indicatore", elementCode: code,
                provenance: indicator.provenance,
                message: "Il target \(year) dell'indicatore \(code) ha una scadenza nel \(first) "
                    + "(«\((target.text ?? "").prefix(120))»): è un target di un ciclo precedente. "
                    + "Aggiornare la scadenza all'anno del ciclo."))
        }
        for node in plan.nodes {
            guard let span = node.timeSpan else { continue }
            let years = span.matches(of: /((?:19|20)[0-9]{2})/).compactMap { Int($0.1) }
            guard let last = years.max(), last < year else { continue }
            result.append(Finding(
                code: code, severity: .warning, elementKind: "nodo", elementCode: node.code, provenance: node.provenance,
                message: "\(node.kind.label) \(node.code) ha l'arco temporale «\(span)», concluso prima del \(year). "
                    + "Aggiornare l'arco temporale al piano \(year)."))
        }
        return result
    }
}
