import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange

/// The RPP 2022 of Toscana Nord-Ovest (seed 003) written as HTML and read back with an independent XML parser:
/// the cover and one part per original Ente in its own layout, and every budget figure of `attesi.yaml` where
/// the Ente printed it, as the core rebuilds it.
@Suite("Relazione Previsionale e Programmatica in HTML")
struct RPPHTMLTests {
    static let folder = "toscana-nord-ovest-2022"

    struct Built {
        var plans: [CyclePlan]
        var document: Document
        var parsed: XMLReader.Parsed
    }

    static func build(entity: String = "toscana-nord-ovest", plans: [CyclePlan]? = nil) throws -> Built {
        let plans = try plans ?? PlanFileReader.read(paths: [Examples.root.appendingPathComponent(folder).path])
        let document = try RPPBuilder.build(plans: plans, entity: entity, source: "Examples/\(folder)")
        return Built(plans: plans, document: document, parsed: try XMLReader.parse(html: HTMLWriter.html(document)))
    }

    static func plan(_ code: String, in built: Built) throws -> CyclePlan {
        try #require(built.plans.first { $0.entity.code == code }, "manca il piano di \(code)")
    }

    /// The table whose caption starts with `caption`.
    static func table(_ parsed: XMLReader.Parsed, _ caption: String) throws -> [[String]] {
        let index = try #require(parsed.captions.firstIndex { $0.hasPrefix(caption) }, "nessuna tabella «\(caption)»")
        return parsed.tables[index]
    }

    static func italian(_ text: String) -> Decimal? { ItalianNumber.parse(text) }

    @Test func theMergedEnteHasACoverAndAPartPerOriginalEnte() throws {
        let built = try Self.build()
        let merged = try Self.plan("toscana-nord-ovest", in: built)
        let parsed = built.parsed
        #expect(parsed.lang == "it")
        #expect(parsed.headings.contains("Relazione Previsionale e Programmatica 2022"))
        #expect(parsed.headings.contains("Premessa"))
        // The approving act of the merged Ente, as the plan records it, on the cover.
        let council = try #require(merged.acts.first { $0.organ == "Consiglio" })
        #expect(parsed.texts.contains { $0.contains("approvata con \(council.label)") })
        // One part per Ente it was made from, in that order, each named.
        let parts = parsed.headings.filter { $0.hasPrefix("Parte ") }
        #expect(parts.count == merged.entity.mergedFrom.count)
        for (heading, code) in zip(parts, merged.entity.mergedFrom) {
            let part = try Self.plan(code, in: built)
            #expect(heading.contains(part.entity.shortName ?? part.entity.name), "\(heading)")
        }
        // Each part in its layout: Lucca's programming and schede progetto, Massa's albero, Pisa's quadro.
        let lucca = try #require(parsed.headings.firstIndex { $0 == "La programmazione 2022" })
        let massa = try #require(parsed.headings.firstIndex { $0 == "Albero della performance 2022" })
        let pisa = try #require(parsed.headings.firstIndex { $0 == "Quadro riassuntivo delle risorse 2022" })
        let partIndices = parts.compactMap { part in parsed.headings.firstIndex(of: part) }
        #expect(partIndices.count == 3)
        #expect(partIndices[0] < lucca && lucca < partIndices[1])
        #expect(partIndices[1] < massa && massa < partIndices[2])
        #expect(partIndices[2] < pisa)
        #expect(built.document.generatedFrom.contains("Examples/\(Self.folder)"))
    }

    /// Each original Ente alone: its own part in its layout, no cover, no other part.
    @Test(arguments: [
        ("lucca", "La programmazione 2022"), ("massa-carrara", "Albero della performance 2022"),
        ("pisa", "Quadro riassuntivo delle risorse 2022"),
    ])
    func aPlainEnteIsItsPartAlone(_ entity: String, _ layoutHeading: String) throws {
        let built = try Self.build(entity: entity)
        #expect(!built.parsed.headings.contains("Premessa"))
        #expect(!built.parsed.headings.contains { $0.hasPrefix("Parte ") })
        let layouts = ["La programmazione 2022", "Albero della performance 2022", "Quadro riassuntivo delle risorse 2022"]
        #expect(built.parsed.headings.filter(layouts.contains) == [layoutHeading])
        let plan = try Self.plan(entity, in: built)
        #expect(built.document.entityName == plan.entity.name)
        #expect(built.document.subtitle == nil)
    }

    /// Any plan gives a well-formed RPP and Piano (the other examples have no RPP of their own: their tree,
    /// resources and lines are laid out all the same).
    @Test(arguments: ["lucca-2013", "lucca-2017", "lucca-2018"])
    func everyExamplePlanGivesWellFormedDocuments(_ folder: String) throws {
        let plan = try Examples.plan(folder)
        let rpp = try RPPBuilder.build(plan: plan)
        let parsedRPP = try XMLReader.parse(html: HTMLWriter.html(rpp))
        #expect(parsedRPP.headings.contains("Relazione Previsionale e Programmatica \(plan.cycle.year)"))
        let piano = PianoBuilder.build(plan: plan, scores: PlanScorer.score(plan))
        let parsedPiano = try XMLReader.parse(html: HTMLWriter.html(piano))
        #expect(parsedPiano.headings.contains("Schede obiettivo strategico"))
        #expect(parsedPiano.headings.contains("Albero della performance"))
    }

    @Test func aMergedEnteNeedsThePlansOfItsParts() throws {
        let plans = try PlanFileReader.read(paths: [Examples.root.appendingPathComponent(Self.folder).path])
        let withoutPisa = plans.filter { $0.entity.code != "pisa" }
        #expect(throws: RPPBuilder.Failure.self) { try RPPBuilder.build(plans: withoutPisa, entity: "toscana-nord-ovest") }
        #expect(throws: RPPBuilder.Failure.self) { try RPPBuilder.build(plans: plans, entity: "firenze") }
    }

    /// «La programmazione 2022» and the areas' objective tables: every `elemento: risorse` figure of Lucca, e.g.
    /// the Ente's 1.418.965,00 / 1.674.400,00 / 47.750,00.
    @Test func luccaBudgetByAreaAndObjectiveIsTheCores() throws {
        let built = try Self.build()
        let lucca = try Self.plan("lucca", in: built)
        let programming = try Self.table(built.parsed, "La programmazione 2022")
        let column: [String: Int] = ["proventi": 1, "oneri": 2, "investimenti": 3]
        var checked = 0
        for figure in try ExpectedFigure.read(Self.folder) where figure.ente == "lucca" && figure.elemento == "risorse" {
            let kind = try #require(figure.natura.flatMap { ResourceKind(rawValue: $0) })
            let expected = try #require(Self.italian(figure.atteso))
            let phase = try #require(figure.fase.flatMap { BudgetPhase(rawValue: $0) })
            let code = figure.codice == "*" ? nil : figure.codice
            // The figure is the core's, and the document prints the core's.
            #expect(BudgetTotals.resources(kind, phase, of: code, in: lucca) == expected, "\(figure.codice) \(kind)")
            let row: [String]
            if figure.codice == "*" {
                row = try #require(programming.last)
                #expect(row.first?.hasPrefix("Totale") == true)
            } else if let node = lucca.nodes.first(where: { $0.code == figure.codice }), node.parentID == nil {
                row = try #require(programming.first { $0.first?.hasPrefix("\(figure.codice) – ") == true }, "area \(figure.codice)")
            } else if let node = lucca.nodes.first(where: { $0.code == figure.codice }), node.kind == .strategicObjective {
                let area = try #require(lucca.nodes.first { $0.id == node.parentID })
                let table = try Self.table(built.parsed, "Obiettivi strategici dell'area \(area.code)")
                row = try #require(table.first { $0.first == figure.codice }, "obiettivo \(figure.codice)")
                #expect(Self.italian(row[column[kind.rawValue]! + 1]) == expected, "\(figure.codice) \(kind)")
                checked += 1
                continue
            } else {
                continue  // a project's printed total: the scheda shows the lines' totals instead
            }
            #expect(Self.italian(row[column[kind.rawValue]!]) == expected, "\(figure.codice) \(kind): \(row)")
            // Where the document printed another figure (area 2's costi esterni, riga 111), a note says so.
            if let printed = figure.stampato, printed != figure.atteso {
                #expect(built.parsed.texts.contains { $0.hasPrefix("Area \(figure.codice),") && $0.contains(printed) && $0.contains(figure.atteso) },
                        "\(figure.codice): manca la nota sullo stampato \(printed)")
            }
            checked += 1
        }
        #expect(checked >= 60)
        let total = try #require(programming.last)
        #expect(Array(total.dropFirst()) == ["1.418.965,00", "1.674.400,00", "47.750,00"])
    }

    /// Every project of Lucca has its scheda (ufficio, CdC, indicators, budget lines), and every project total of
    /// `attesi.yaml` (`elemento: conto` on a project) is in its footer, column by column.
    @Test func luccaProjectSheetsCarryTheirTotals() throws {
        let built = try Self.build()
        let lucca = try Self.plan("lucca", in: built)
        let projects = lucca.nodes.filter { $0.kind == .project }
        #expect(projects.count == 28)
        for project in projects {
            #expect(built.parsed.headings.contains { $0.hasPrefix("Progetto \(project.code): ") }, "\(project.code)")
            let sheet = try Self.table(built.parsed, "Scheda progetto \(project.code)")
            if let unit = lucca.units.first(where: { $0.id == project.ownerUnitID || $0.code == project.ownerUnitID }) {
                #expect(sheet.contains { $0 == ["Ufficio responsabile", unit.name] }, "\(project.code)")
            }
            let indicators = lucca.indicators.filter { $0.nodeID == project.id }
            if !indicators.isEmpty {
                let table = try Self.table(built.parsed, "Indicatori del progetto \(project.code)")
                #expect(table.count == indicators.count + 1, "\(project.code)")
                for indicator in indicators {
                    let target = try #require(lucca.targets.first { $0.indicatorID == indicator.id && $0.year == 2022 }?.text)
                    #expect(table.contains { $0.first == "Indicatore \(indicator.code)" && $0.last == target.split(whereSeparator: \.isWhitespace).joined(separator: " ") },
                            "\(project.code)/\(indicator.code)")
                }
            }
        }
        let labels: [String: String] = [
            "ricavo": "TOTALE RICAVI di progetto", "contributo": "TOTALE CONTRIBUTI di progetto",
            "provento - onere": "TOTALE ENTRATE NETTE DI PROGETTO",
            "costo-esterno + investimento": "TOTALE COSTI ISTITUZIONALI E COMMERCIALI",
        ]
        var checked = 0
        for figure in try ExpectedFigure.read(Self.folder) where figure.ente == "lucca" && figure.elemento == "conto" {
            guard projects.contains(where: { $0.code == figure.codice }), let nature = figure.natura else { continue }
            let table = try Self.table(built.parsed, "Budget per conto: progetto \(figure.codice)")
            let expected = try #require(Self.italian(figure.atteso))
            if figure.colonna == nil {
                #expect(nature == "costo-esterno + investimento")
                let row = try #require(table.first { $0.first == "TOTALE COSTI DI PROGETTO" }, "\(figure.codice)")
                #expect(Self.italian(row[1]) == expected, "\(figure.codice) \(nature): \(row)")
            } else {
                let label = try #require(labels[nature], "\(nature)")
                let row = try #require(table.first { $0.first == label }, "\(figure.codice) \(label)")
                let cell = figure.colonna == "commerciale" ? row[2] : row[1]
                #expect(Self.italian(cell) == expected, "\(figure.codice) \(nature) \(figure.colonna ?? ""): \(row)")
            }
            checked += 1
        }
        #expect(checked >= 60)
    }

    /// Massa-Carrara: every strategic objective with missione, programma and its indicators' targets for each
    /// year; the Ente's prospetti with every account figure of `attesi.yaml` (subtotals rebuilt from the leaves).
    @Test func massaCarraraTreeAndAccounts() throws {
        let built = try Self.build()
        let massa = try Self.plan("massa-carrara", in: built)
        for objective in massa.nodes where objective.kind == .strategicObjective {
            #expect(built.parsed.headings.contains { $0.hasPrefix("Obiettivo strategico \(objective.code): ") }, "\(objective.code)")
            let indicators = massa.indicators.filter { $0.nodeID == objective.id }
            guard !indicators.isEmpty else { continue }
            let table = try Self.table(built.parsed, "Indicatori dell'obiettivo \(objective.code)")
            let header = try #require(table.first)
            for indicator in indicators {
                let row = try #require(table.first { $0.first == indicator.code }, "\(indicator.code)")
                for target in massa.targets where target.indicatorID == indicator.id {
                    let column = try #require(header.firstIndex(of: "Target \(target.year)"))
                    #expect(row[column] == target.text, "\(indicator.code) \(target.year)")
                }
            }
        }
        let accounts = built.parsed.captions.indices.filter { built.parsed.captions[$0].hasSuffix("(preventivo 2022)") }
            .map { built.parsed.tables[$0] }
        var checked = 0
        for figure in try ExpectedFigure.read(Self.folder)
        where figure.ente == "massa-carrara" && figure.elemento == "conto" && figure.formula == nil && figure.natura == nil {
            let row = try #require(accounts.lazy.flatMap { $0 }.first { $0.first == figure.codice }, "\(figure.codice)")
            #expect(Self.italian(row.last ?? "") == Self.italian(figure.atteso), "\(figure.codice): \(row)")
            if figure.stampato != figure.atteso, let printed = figure.stampato {
                #expect(built.parsed.texts.contains { $0.hasPrefix("\(figure.codice): il documento stampa \(printed)") }, "\(figure.codice)")
            }
            checked += 1
        }
        #expect(checked >= 20)
        // The Fondo objectives with their weight and target.
        let ente = try Self.table(built.parsed, "Obiettivi di Ente 2022")
        for objective in massa.objectives where objective.kind == .ente {
            #expect(ente.contains { $0.first?.hasPrefix(objective.code) == true }, "\(objective.code)")
        }
    }

    /// Pisa: the quadro riassuntivo's totals per linea strategica and the Ente's are the core's, as `attesi.yaml`.
    @Test func pisaProgrammesAndTotals() throws {
        let built = try Self.build()
        let pisa = try Self.plan("pisa", in: built)
        for programme in pisa.nodes where programme.kind == .programme {
            #expect(built.parsed.headings.contains { $0.hasPrefix("Programma \(programme.code): ") }, "\(programme.code)")
        }
        let quadro = try Self.table(built.parsed, "Quadro riassuntivo delle risorse 2022")
        var checked = 0
        for figure in try ExpectedFigure.read(Self.folder) where figure.ente == "pisa" && figure.elemento == "conto" {
            let expected = try #require(Self.italian(figure.atteso))
            let nature = figure.natura.map { $0.replacingOccurrences(of: "-", with: " ") }
            let row: [String]?
            switch (figure.codice, nature) {
            case ("*", let nature?): row = quadro.first { $0.first == "Totale Ente: \(nature)" }
            case (let code, "costo esterno + onere + investimento"):
                row = quadro.first { $0.first?.hasPrefix("Totale risorse ") == true && $0.first?.hasSuffix(" \(code)") == true }
            case (let code, let nature?): row = quadro.first { $0.first?.hasPrefix("Totale ") == true && $0.first?.hasSuffix(" \(code): \(nature)") == true }
            case (let code, nil):
                row = built.parsed.tables.lazy.flatMap { $0 }.first { $0.first == code }
            }
            let found = try #require(row, "\(figure.codice) \(figure.natura ?? "")")
            #expect(Self.italian(found.last ?? "") == expected, "\(figure.codice): \(found)")
            checked += 1
        }
        #expect(checked == 6)
    }
}

