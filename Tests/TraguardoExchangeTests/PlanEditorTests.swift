import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// The plan editor (`PlanEditor`): a plan built from nothing edit by edit, each edit read with the plan file's own
/// rules (the same sentence for the same mistake), refused whole when anything is wrong.
@Suite("Editor del piano: le regole del file piano, tutto o niente")
struct PlanEditorTests {
    /// Applies the edit, failing the test when it is refused.
    static func applied(_ edit: PlanEdit, to plan: CyclePlan) throws -> CyclePlan {
        switch PlanEditor.apply(edit, to: plan) {
        case .success(let outcome): return outcome.plan
        case .failure(let errors): throw errors
        }
    }

    static func refused(_ edit: PlanEdit, to plan: CyclePlan) -> [String: String] {
        switch PlanEditor.apply(edit, to: plan) {
        case .success: return [:]
        case .failure(let errors): return errors.byField
        }
    }

    /// Ente, year, a unit, an area, a strategic objective, a project with two indicators, targets, items, a resource.
    static func smallPlan() throws -> CyclePlan {
        guard case .success(var plan) = NewCycle.make(
            ["codice": "prova", "nome": "Camera di prova", "anno": "2019"], entities: [], years: [])
        else { throw PlanEditErrors([]) }
        let edits: [PlanEdit] = [
            PlanEdit(.unit, .create, fields: ["codice": "SG", "nome": "Segreteria Generale", "tipo": "segreteria-generale"]),
            PlanEdit(.unit, .create, fields: ["codice": "PROG", "nome": "Programmazione", "padre": "SG"]),
            PlanEdit(.node, .create, fields: ["codice": "A", "tipo": "area-strategica", "titolo": "Competitività"]),
            PlanEdit(.node, .create, fields: ["codice": "A1", "tipo": "obiettivo-strategico", "titolo": "Imprese", "padre": "A"]),
            PlanEdit(.node, .create, fields: [
                "codice": "A101", "tipo": "progetto", "titolo": "Digitale", "padre": "A1", "responsabile_unita": "PROG", "peso": "60",
            ]),
            PlanEdit(.indicator, .create, fields: [
                "nodo": "A101", "codice": "1", "nome": "Imprese formate", "comparatore": ">=", "polarita": "crescente", "unita_misura": "n.",
                "baseline.valore": "120",
            ]),
            PlanEdit(.indicator, .create, fields: ["nodo": "A101", "codice": "2", "nome": "Tempi medi", "comparatore": "<="]),
            PlanEdit(.target, .create, fields: ["indicatore": "A101/1", "anno": "2019", "valore": "150"]),
            PlanEdit(.item, .create, fields: ["indicatore": "A101/1", "codice": "a", "descrizione": "Imprese formate", "valore_target": "150", "ufficio": "PROG"]),
            PlanEdit(.item, .create, fields: ["indicatore": "A101/2", "codice": "a", "descrizione": "Giorni", "valore_target": "30"]),
            PlanEdit(.resource, .create, fields: ["nodo": "A101", "tipo": "oneri", "fase": "preventivo", "importo": "1.418.965,00"]),
        ]
        for edit in edits { plan = try applied(edit, to: plan) }
        return plan
    }

    @Test("Un piano costruito da zero: Ente, anno, unità, albero, indicatori, target, item, risorse")
    func buildsAPlan() throws {
        let plan = try Self.smallPlan()
        #expect(plan.entity.name == "Camera di prova")
        #expect(plan.periods.map(\.code) == ["ANNO"])
        #expect(plan.nodes.map(\.id) == ["A", "A1", "A101"])
        #expect(plan.nodes.first { $0.id == "A101" }?.parentID == "A1")
        #expect(plan.indicators.map(\.id) == ["A101/1", "A101/2"])
        #expect(plan.indicators[0].baselineValue == 120)
        #expect(plan.targets.map(\.id) == ["A101/1/t1"])
        #expect(plan.items.map(\.id) == ["A101/1/a", "A101/2/a"])
        #expect(plan.resources.first?.amount == Decimal(string: "1418965"))
        #expect(plan.resources.first?.id == "A101/r1")
        // Written as a plan file and read back: the reader accepts what the editor made.
        let text = try PlanFileWriter.yaml(plan)
        let read = try PlanFileReader.read(texts: [("piano.yaml", text)])
        #expect(read.first?.nodes.map(\.id) == plan.nodes.map(\.id))
        #expect(read.first?.items.map(\.id) == plan.items.map(\.id))
    }

    @Test("Lo stesso errore ha la stessa frase nel file piano e nell'editor")
    func sameRuleAsThePlanFile() throws {
        let plan = try Self.smallPlan()
        let errors = Self.refused(PlanEdit(.node, .update, id: "A101", fields: ["peso": "sessanta", "stato": "chiuso"]), to: plan)
        let file = """
            formato: traguardo/1
            ente: {codice: prova, nome: Prova}
            anno: 2019
            albero:
              - {codice: A, tipo: area-strategica, titolo: T, peso: "sessanta", stato: chiuso}
            """
        var fileErrors: [String: String] = [:]
        do {
            _ = try PlanFileReader.read(texts: [("p.yaml", file)])
        } catch {
            for e in error.errors { fileErrors[e.field.components(separatedBy: ".").last ?? e.field] = e.message }
        }
        #expect(errors["peso"] == "«sessanta» non è un numero; atteso per esempio «1.418.965,00», «99,22%» o 98.99")
        #expect(errors["peso"] == fileErrors["peso"])
        #expect(errors["stato"] != nil)
        #expect(errors["stato"] == fileErrors["stato"])
    }

    @Test("Nulla cambia quando un campo è sbagliato; l'errore nomina il valore e ciò che si attende")
    func allOrNothing() throws {
        let plan = try Self.smallPlan()
        let edit = PlanEdit(.node, .update, id: "A101", fields: ["titolo": "Nuovo titolo", "responsabile_unita": "XYZ"])
        let errors = Self.refused(edit, to: plan)
        #expect(errors["responsabile_unita"]?.contains("unità «XYZ» non esiste in prova 2019") == true)
        #expect(errors["responsabile_unita"]?.contains("definiti: PROG, SG") == true)
        if case .success = PlanEditor.apply(edit, to: plan) { Issue.record("modifica accettata") }
        // Missing title, unknown key, bad date: all reported at once.
        let many = Self.refused(PlanEdit(.item, .create, fields: [
            "indicatore": "A101/1", "codice": "b", "scadenza": "31/02/2019", "colore": "rosso",
        ]), to: plan)
        #expect(many["descrizione"] == "manca la descrizione dell'item («descrizione»)")
        #expect(many["scadenza"]?.hasPrefix("«31/02/2019» non è una data") == true)
        #expect(many["colore"]?.hasPrefix("chiave sconosciuta «colore»") == true)
        #expect(Self.refused(PlanEdit(.node, .create, fields: ["codice": "A1", "tipo": "progetto", "titolo": "Doppio"]), to: plan)["codice"]
            == "il codice «A1» è già usato da un altro nodo dello stesso Ente-anno")
    }

    @Test("Spostare un nodo: sotto un altro padre sì, sotto un suo discendente no")
    func moveNode() throws {
        let plan = try Self.smallPlan()
        var moved = try Self.applied(PlanEdit(.node, .create, fields: ["codice": "B", "tipo": "area-strategica", "titolo": "Semplificazione"]), to: plan)
        moved = try Self.applied(PlanEdit(.node, .move, id: "A1", fields: ["padre": "B"]), to: moved)
        #expect(moved.nodes.first { $0.id == "A1" }?.parentID == "B")
        let loop = Self.refused(PlanEdit(.node, .move, id: "A", fields: ["padre": "A101"]), to: plan)
        #expect(loop["padre"]?.contains("formano un ciclo") == true)
        // A move takes only the parent.
        #expect(Self.refused(PlanEdit(.node, .move, id: "A1", fields: ["padre": "A", "titolo": "x"]), to: plan)["titolo"] != nil)
        // An indicator moved to another node takes its targets and items along.
        let indicator = try Self.applied(PlanEdit(.indicator, .move, id: "A101/1", fields: ["nodo": "A1"]), to: plan)
        #expect(indicator.indicators.contains { $0.id == "A1/1" })
        #expect(indicator.targets.map(\.indicatorID) == ["A1/1"])
        #expect(indicator.items.map(\.id).sorted() == ["A1/1/a", "A101/2/a"])
    }

    @Test("Eliminare: un nodo con figli o un item con rilevazioni no; un progetto senza rilevazioni con tutto ciò che ha")
    func remove() throws {
        var plan = try Self.smallPlan()
        #expect(Self.refused(PlanEdit(.node, .remove, id: "A1"), to: plan)["id"]?.contains("è usato da nodo A101") == true)
        #expect(Self.refused(PlanEdit(.unit, .remove, id: "PROG"), to: plan)["id"]?.contains("nodo A101") == true)
        let removed = try Self.applied(PlanEdit(.node, .remove, id: "A101"), to: plan)
        #expect(removed.nodes.map(\.id) == ["A", "A1"])
        #expect(removed.indicators.isEmpty && removed.items.isEmpty && removed.targets.isEmpty && removed.resources.isEmpty)
        plan.measurements.append(Measurement(id: "A101/1/a@ANNO", itemID: "A101/1/a", periodID: "prova/2019/ANNO", value: 10))
        #expect(Self.refused(PlanEdit(.item, .remove, id: "A101/1/a"), to: plan)["id"]?.contains("1 rilevazione") == true)
    }

    @Test("Un nuovo Ente-anno: codice, nome, anno, periodi; rifiutato se l'anno c'è già")
    func newCycle() {
        guard case .failure(let errors) = NewCycle.make(
            ["codice": "prova", "nome": "", "anno": "duemila", "periodi": "mensili"], entities: [], years: [])
        else { Issue.record("accettato"); return }
        #expect(errors.byField["nome"] == "manca il nome dell'Ente («nome»)")
        #expect(errors.byField["anno"] == "«duemila» non è un numero intero; atteso per esempio «2018»")
        #expect(errors.byField["periodi"]?.contains("ammessi: trimestri") == true)
        guard case .failure(let again) = NewCycle.make(
            ["codice": "prova", "nome": "Prova", "anno": "2019"], entities: [], years: ["prova/2019"])
        else { Issue.record("accettato"); return }
        #expect(again.byField["anno"]?.contains("ha già il ciclo 2019") == true)
    }
}
