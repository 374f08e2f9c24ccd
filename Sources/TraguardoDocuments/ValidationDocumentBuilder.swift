import Foundation
import TraguardoCore

/// The OIV's «Documento di validazione» of the Relazione: which snapshot of the closed period the OIV worked
/// on (version, when and by whom it was frozen, its fingerprints), how the sample was drawn (size, seed,
/// stratified by office), every sampled item with the value and score as frozen, the evidence files and what
/// the OIV found, and the count of the outcomes. Every figure is the snapshot's: nothing is recomputed.
public enum ValidationDocumentBuilder {
    /// - Parameters:
    ///   - evidence: the evidence files of the sampled items for the period, by item id.
    ///   - source: what the data was read from; nil leaves it out.
    public static func build(
        snapshot: PeriodSnapshot, sample: OIVSample, evidence: [String: [EvidenceFile]], source: String? = nil
    ) -> Document {
        let plan = snapshot.plan
        let population = plan.items.count
        var blocks: [DocumentBlock] = [
            .heading(level: 2, text: "Istantanea esaminata"),
            .paragraph(
                "L'OIV ha esaminato l'istantanea del periodo \(snapshot.periodCode), \(snapshot.summary.text). "
                    + "I valori e i punteggi riportati sono quelli congelati alla chiusura del periodo; le modifiche "
                    + "successive dei dati non li cambiano."),
            .table(DocumentTable(caption: "Impronte dell'istantanea", columns: ["Voce", "Valore"], rows: [
                ["Periodo", TableCell(snapshot.periodCode)],
                ["Versione dell'istantanea", TableCell(String(snapshot.version))],
                ["Chiusa il", TableCell(ItalianFormatting.dateTime(snapshot.frozenAt))],
                ["Chiusa da", TableCell(snapshot.frozenBy)],
                ["Impronta dei dati", TableCell(snapshot.dataFingerprint)],
                ["Impronta del piano", TableCell(snapshot.planFingerprint)],
                ["Versione del piano", TableCell(snapshot.planVersion.map(String.init) ?? "nessuna registrata")],
                ["Metodologia", TableCell(snapshot.summary.methodologyText)],
            ])),
            .heading(level: 2, text: "Campione"),
            .paragraph(
                "Campione di \(sample.entries.count) item su \(population) (dimensione chiesta: \(sample.requestedSize)), "
                    + "estratto a caso con il seme \(sample.seed), stratificato per ufficio (almeno un item per ufficio "
                    + "quando la dimensione lo consente, il resto in proporzione agli item di ciascun ufficio), "
                    + "da \(sample.drawnBy) il \(ItalianFormatting.dateTime(sample.drawnAt)). Lo stesso seme sulla stessa "
                    + "istantanea estrae lo stesso campione."),
        ]
        blocks.append(.table(officeTable(snapshot: snapshot, sample: sample)))
        blocks.append(.heading(level: 2, text: "Item esaminati"))
        let rows: [[TableCell]] = sample.entries.map { entry in
            let files = (evidence[entry.itemID] ?? []).filter { $0.periodCode == sample.periodCode }
            let listed = files.isEmpty ? "nessuno" : files.map { file in
                let late = file.uploadedAt > snapshot.frozenAt ? ", caricato dopo la chiusura" : ""
                return "\(file.evidenceLabel) (SHA-256 \(file.sha256.prefix(12))…\(late))"
            }.joined(separator: "; ")
            return [
                TableCell(entry.office), TableCell(entry.path), TableCell(entry.title),
                TableCell(entry.value ?? "non rilevato"), TableCell(entry.score ?? "—"),
                TableCell(listed), TableCell(entry.outcome?.rawValue ?? "non esaminato"), TableCell(entry.note ?? ""),
            ]
        }
        blocks.append(.table(DocumentTable(
            caption: "Item del campione: valore e punteggio congelati, documenti a supporto, esito",
            columns: ["Ufficio", "Item", "Descrizione", "Valore", "Punteggio", "Documenti a supporto", "Esito", "Nota di lavoro"],
            rows: rows)))
        blocks.append(.heading(level: 2, text: "Esiti"))
        var outcomes: [[TableCell]] = OIVSample.Outcome.allCases.map { outcome in
            [TableCell(outcome.rawValue), .number(Decimal(sample.entries.filter { $0.outcome == outcome }.count))]
        }
        outcomes.append(["non esaminato", .number(Decimal(sample.entries.filter { $0.outcome == nil }.count))])
        blocks.append(.table(DocumentTable(caption: "Esiti del campione", columns: ["Esito", "Item"], rows: outcomes)))
        let open = sample.entries.count - sample.examinedCount
        blocks.append(.paragraph(open == 0
            ? "Tutti gli item del campione sono stati esaminati."
            : "\(open) item del campione non sono ancora stati esaminati: il documento non è definitivo."))
        var document = Document(
            title: "Documento di validazione della Relazione sulla performance \(plan.cycle.year)",
            subtitle: "Organismo indipendente di valutazione: verifica a campione sull'istantanea del periodo \(snapshot.periodCode)",
            entityName: plan.entity.name, entityCode: plan.entity.code, year: plan.cycle.year, period: snapshot.periodCode,
            methodologyName: snapshot.methodologyName, methodologyVersion: snapshot.methodologyVersion, generatedFrom: "",
            blocks: blocks)
        let from = source.map { " (\($0))" } ?? ""
        document.generatedFrom = "Prodotto da Traguardo con l'istantanea \(snapshot.periodCode) versione \(snapshot.version) di "
            + "\(plan.entity.name) \(plan.cycle.year)\(from) e il campione dell'OIV; \(document.methodologyLabel)."
        document.snapshot = DocumentSnapshot(plan: plan, period: snapshot.periodCode, lastChange: snapshot.lastChange)
        return document
    }

    /// Per office: the items of the period and how many were drawn and examined.
    static func officeTable(snapshot: PeriodSnapshot, sample: OIVSample) -> DocumentTable {
        let offices = OIVSample.offices(in: snapshot.plan)
        var population: [String: Int] = [:]
        for item in snapshot.plan.items { population[offices[item.id] ?? OIVSample.noOffice, default: 0] += 1 }
        let rows: [[TableCell]] = population.keys.sorted().map { office in
            let drawn = sample.entries.filter { $0.office == office }
            return [
                TableCell(office), .number(Decimal(population[office] ?? 0)), .number(Decimal(drawn.count)),
                .number(Decimal(drawn.filter { $0.outcome != nil }.count)),
            ]
        }
        return DocumentTable(caption: "Campione per ufficio", columns: ["Ufficio", "Item", "Estratti", "Esaminati"], rows: rows)
    }
}
