import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

/// The plan editor for account lines, Carta dei servizi rows, monitored procedures and people's roles: the same
/// keys and rules as the plan file, refused whole on any mistake, and what it makes read back by the plan file reader.
@Suite("Editor del piano: conti, Carta dei servizi, procedimenti, ruoli")
struct PlanEditorServicesTests {
    static func applied(_ edit: PlanEdit, to plan: CyclePlan) throws -> CyclePlan { try PlanEditorTests.applied(edit, to: plan) }
    static func refused(_ edit: PlanEdit, to plan: CyclePlan) -> [String: String] { PlanEditorTests.refused(edit, to: plan) }

    /// The small plan with a person, two account lines of the Ente (3 = 30), one of project A101, a Carta row, a procedure, a role.
    static func plan() throws -> CyclePlan {
        var plan = try PlanEditorTests.smallPlan()
        let edits: [PlanEdit] = [
            PlanEdit(.person, .create, fields: ["codice": "rossi", "nome": "Mario Rossi"]),
            PlanEdit(.role, .create, fields: ["persona": "rossi", "ruolo": "dirigente", "unita": "SG", "dal": "2018"]),
            PlanEdit(.account, .create, fields: ["codice": "3", "descrizione": "Oneri correnti", "fase": "preventivo", "importo": "-1.418.965,00"]),
            PlanEdit(.account, .create, fields: [
                "codice": "30", "padre": "3", "descrizione": "Personale", "fase": "preventivo", "importo": "-1.418.965,00", "natura": "onere",
            ]),
            PlanEdit(.account, .create, fields: ["nodo": "A101", "codice": "330000", "descrizione": "Interventi", "fase": "preventivo", "importo": "50.000"]),
            PlanEdit(.serviceStandard, .create, fields: [
                "codice": "3.1.1", "sezione": "Registro imprese", "processo": "Iscrizione", "uffici": "Registro imprese\nArtigianato",
                "standard_giorni": "5", "standard_testo": "5 gg.",
            ]),
            PlanEdit(.procedure, .create, fields: [
                "codice": "1", "nome": "Pagamento fatture", "ambito": "TRASVERSALE", "coordinatori": "Ragioneria", "valore_target": "90",
                "comparatore": ">=", "fonti": "Ragioneria\nProvveditorato",
            ]),
        ]
        for edit in edits { plan = try applied(edit, to: plan) }
        return plan
    }

    @Test("Righe di conto, righe della Carta, procedimenti e ruoli creati con le chiavi del file piano e riletti dal lettore")
    func createsAndReadsBack() throws {
        let plan = try Self.plan()
        #expect(plan.accountLines.map(\.id) == ["-/c1", "-/c2", "A101/c1"])
        #expect(plan.accountLines[1].parentCode == "3")
        #expect(plan.accountLines[1].amount == Decimal(string: "-1418965"))
        #expect(plan.accountLines[2].nodeID == "A101")
        #expect(plan.serviceStandards.first?.offices == ["Registro imprese", "Artigianato"])
        #expect(plan.serviceStandards.first?.standardDays == 5)
        #expect(plan.procedures.first?.sources == ["Ragioneria", "Provveditorato"])
        #expect(plan.procedures.first?.comparator == .atLeast)
        #expect(plan.roles.map(\.id) == ["rossi/1"])
        #expect(plan.roles.first?.unitID == "SG" && plan.roles.first?.fromYear == 2018 && plan.roles.first?.role == .dirigente)
        // Written as a plan file and read back: the same records with the same ids.
        let read = try #require(try PlanFileReader.read(texts: [("piano.yaml", try PlanFileWriter.yaml(plan))]).first)
        #expect(read.accountLines.sorted { $0.id < $1.id } == plan.accountLines.sorted { $0.id < $1.id })
        #expect(read.serviceStandards == plan.serviceStandards)
        #expect(read.procedures == plan.procedures)
        #expect(read.roles == plan.roles)
    }

    @Test("Modifiche e rifiuti: il valore trovato e ciò che si attende, nulla cambia")
    func refusals() throws {
        let plan = try Self.plan()
        let changed = try Self.applied(PlanEdit(.account, .update, id: "-/c2", fields: ["importo": "-1.500.000,00", "colonna": "istituzionale"]), to: plan)
        #expect(changed.accountLines[1].amount == Decimal(string: "-1500000") && changed.accountLines[1].column == .istituzionale)
        let account = Self.refused(PlanEdit(.account, .create, fields: ["codice": "31", "fase": "previsto", "importo": "mille"]), to: plan)
        #expect(account["fase"] == "valore «previsto» non previsto; ammessi: preventivo | aggiornato | consuntivo")
        #expect(account["importo"] == "«mille» non è un numero; atteso per esempio «1.418.965,00», «99,22%» o 98.99")
        #expect(account["descrizione"] == "manca la descrizione del conto («descrizione»)")
        // A loop of «padre» among the Ente's lines: the plan file's rule, beside «padre».
        let loop = Self.refused(PlanEdit(.account, .update, id: "-/c1", fields: ["padre": "30"]), to: plan)
        #expect(loop["padre"]?.contains("le righe di conto dell'Ente formano un ciclo") == true)
        // A line that others add up into is not removed.
        #expect(Self.refused(PlanEdit(.account, .remove, id: "-/c1"), to: plan)["id"]?.contains("riga di conto 30") == true)
        #expect(try Self.applied(PlanEdit(.account, .remove, id: "-/c2"), to: plan).accountLines.map(\.id) == ["-/c1", "A101/c1"])

        let carta = Self.refused(PlanEdit(.serviceStandard, .create, fields: ["codice": "3.1.1", "processo": "", "standard_giorni": "-2"]), to: plan)
        #expect(carta["codice"] == "il codice «3.1.1» è già usato da un altro standard della Carta dei servizi dello stesso Ente-anno")
        #expect(carta["processo"] == "manca il processo («processo»)")
        #expect(carta["standard_giorni"]?.contains("atteso un numero di giorni lavorativi") == true)
        #expect(Self.refused(PlanEdit(.serviceStandard, .update, id: "3.1.1", fields: ["codice": "3.1.2"]), to: plan)["codice"]?
            .contains("non si cambia") == true)

        let procedure = Self.refused(PlanEdit(.procedure, .update, id: "1", fields: ["comparatore": "circa", "valore_target": "90 %%"]), to: plan)
        #expect(procedure["comparatore"]?.hasPrefix("valore «circa» non previsto; ammessi:") == true)
        #expect(procedure["valore_target"] != nil)

        let role = Self.refused(PlanEdit(.role, .create, fields: ["persona": "bianchi", "ruolo": "capo", "dal": "2020", "al": "2019"]), to: plan)
        #expect(role["persona"]?.hasPrefix("persona «bianchi» non esiste in prova 2019") == true)
        #expect(role["ruolo"]?.hasPrefix("valore «capo» non previsto; ammessi: segretario-generale") == true)
        #expect(role["al"] == "dal 2020 al 2019: l'anno «al» deve venire dopo l'anno «dal» (o essere lo stesso)")
        #expect(Self.refused(PlanEdit(.role, .update, id: "rossi/1", fields: ["persona": "altri"]), to: plan)["persona"] != nil)
        let acting = try Self.applied(PlanEdit(.role, .update, id: "rossi/1", fields: ["facente_funzione": "sì", "unita": ""]), to: plan)
        #expect(acting.roles.first?.acting == true && acting.roles.first?.unitID == nil)
        // The unit of a role is not removed while the role names it.
        #expect(Self.refused(PlanEdit(.unit, .remove, id: "SG"), to: try Self.applied(PlanEdit(.unit, .remove, id: "PROG"), to: plan.removingNodes()))["id"]?
            .contains("ruolo di rossi") == true)
    }

    @Test("Missione e programma: tre cifre del D.M. 27/03/2013, la stessa frase nell'editor e nel file piano")
    func missionAndProgrammeCodes() throws {
        let plan = try Self.plan()
        let changed = try Self.applied(PlanEdit(.node, .update, id: "A1", fields: ["missione": "011", "programma": " 005 "]), to: plan)
        #expect(changed.nodes.first { $0.id == "A1" }.map { [$0.missionCode, $0.programmeCode] } == [Optional("011"), Optional("005")])
        let errors = Self.refused(PlanEdit(.node, .update, id: "A1", fields: ["missione": "11", "programma": "cinque"]), to: plan)
        #expect(errors["missione"] == "«11» non è un codice di missione del D.M. 27/03/2013: attese tre cifre, per esempio «011» (tra virgolette nel file)")
        #expect(errors["programma"]?.hasPrefix("«cinque» non è un codice di programma") == true)
        let file = """
            formato: traguardo/1
            ente: {codice: prova, nome: Prova}
            anno: 2019
            albero:
              - {codice: A, tipo: area-strategica, titolo: T, missione: 11}
            """
        var fileErrors: [String: String] = [:]
        do { _ = try PlanFileReader.read(texts: [("p.yaml", file)]) } catch {
            for e in error.errors { fileErrors[e.field.components(separatedBy: ".").last ?? e.field] = e.message }
        }
        #expect(fileErrors["missione"] == errors["missione"])
    }

    @Test("Eliminare una riga della Carta o un procedimento con risultati o da cui un indicatore deriva il punteggio: no")
    func removalKeepsResults() throws {
        var plan = try Self.plan()
        #expect(try Self.applied(PlanEdit(.procedure, .remove, id: "1"), to: plan).procedures.isEmpty)
        plan.procedureResults.append(ProcedureResult(id: "1@2019", procedureID: "1", year: 2019, score: 97))
        plan.serviceResults.append(ServiceResult(id: "3.1.1@2019", standardID: "3.1.1", year: 2019, measuredDays: 4))
        #expect(Self.refused(PlanEdit(.procedure, .remove, id: "1"), to: plan)["id"]
            == "il procedimento «1» ha i risultati del 2019: non si elimina per non perderli")
        #expect(Self.refused(PlanEdit(.serviceStandard, .remove, id: "3.1.1"), to: plan)["id"]?.contains("ha i risultati del 2019") == true)
        plan.serviceResults = []
        plan.indicators[0].derivedFrom = ScoreDerivation(kind: .serviceCharter, codes: ["3.1.1"])
        #expect(Self.refused(PlanEdit(.serviceStandard, .remove, id: "3.1.1"), to: plan)["id"]?.contains("indicatore A101/1") == true)
    }
}

extension CyclePlan {
    /// The plan without its tree (and what hangs on it): to remove units the tree names.
    func removingNodes() -> CyclePlan {
        var plan = self
        plan.nodes = []
        plan.indicators = []
        plan.items = []
        plan.targets = []
        plan.resources = []
        plan.accountLines.removeAll { $0.nodeID != nil }
        return plan
    }
}
