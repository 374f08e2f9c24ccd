import Foundation
import Testing
import TraguardoCore
import TraguardoExchange

@Suite("File piano: errori precisi, tutti insieme, e niente di letto a metà")
struct PlanFileErrorTests {
    static let good = """
        formato: traguardo/1
        ente: {codice: prova, nome: Camera di prova}
        anno: 2013
        periodi: settembre-e-anno
        unita:
          - {codice: SG, nome: Segreteria Generale, tipo: segreteria-generale}
        albero:
          - codice: G
            tipo: area-strategica
            titolo: Comunicazione
            responsabile_unita: SG
            risorse:
              - {anno: 2013, tipo: oneri, fase: preventivo, importo: "1.418.965,00"}
            indicatori:
              - codice: "1"
                nome: Video promozionali
                item:
                  - codice: a
                    descrizione: n. 2 video
                    valore_target: 2
                    rilevazioni:
                      - {periodo: ANNO, valore: "1", testo: n. 1 video}
        """

    func errors(_ text: String) -> [PlanFileError] {
        do {
            _ = try PlanFileReader.read(texts: [(name: "piano.yaml", text: text)])
            return []
        } catch {
            return error.errors
        }
    }

    /// The plan file reads dates by the core's one rule, as the case registers do: `07.03.2013` was refused here
    /// and read there.
    @Test func aDateReadsAsTheCaseRegistersReadIt() throws {
        let text = Self.good.replacingOccurrences(
            of: "ente: {codice: prova, nome: Camera di prova}",
            with: "ente: {codice: prova, nome: Camera di prova, istituito_il: \"07.03.2013\"}")
        let plan = try #require(try PlanFileReader.read(texts: [(name: "piano.yaml", text: text)]).first)
        #expect(plan.entity.establishedOn == CivilDate(year: 2013, month: 3, day: 7))
        let wrong = errors(Self.good.replacingOccurrences(
            of: "ente: {codice: prova, nome: Camera di prova}",
            with: "ente: {codice: prova, nome: Camera di prova, istituito_il: \"31.02.2013\"}"))
        #expect(wrong.map(\.message).contains { $0.contains("«31.02.2013» non è una data") })
    }

    @Test func aGoodFileReadsWithItalianNumbersExact() throws {
        let plans = try PlanFileReader.read(texts: [(name: "piano.yaml", text: Self.good)])
        let plan = try #require(plans.first)
        #expect(plan.resources.first?.amount == Decimal(string: "1418965.00"))
        #expect(plan.measurements.first?.value == 1)
        #expect(plan.measurements.first?.periodID == "prova/2013/ANNO")
        #expect(plan.items.first?.id == "G/1/a")
        #expect(plan.periods.map(\.code) == ["30-09", "ANNO"])
    }

    @Test func threeMistakesGiveThreeErrorsWithTheirLines() {
        let bad = Self.good
            .replacingOccurrences(of: "importo: \"1.418.965,00\"", with: "importo: \"1.418,965.00\"")  // line 13
            .replacingOccurrences(of: "titolo: Comunicazione", with: "titolo: Comunicazione\n    colore: blu")  // line 11
            .replacingOccurrences(of: "responsabile_unita: SG", with: "responsabile_unita: XX")  // line 12
        let found = errors(bad)
        #expect(found.count == 3, "\(found)")
        let unknown = found.first { $0.message.contains("chiave sconosciuta «colore»") }
        #expect(unknown?.line == 11)
        #expect(unknown?.field == "albero[0].colore")
        #expect(unknown?.message.contains("ammesse:") == true)
        let number = found.first { $0.field == "albero[0].risorse[0].importo" }
        #expect(number?.message == "«1.418,965.00» non è un numero; atteso per esempio «1.418.965,00», «99,22%» o 98.99")
        #expect(number?.line == 14)
        let dangling = found.first { $0.field == "albero[0].responsabile_unita" }
        #expect(dangling?.message.contains("unità «XX» non esiste in prova 2013 (definiti: SG)") == true)
        #expect(dangling?.description.hasPrefix("piano.yaml, riga 8, albero[0].responsabile_unita:") == true)
    }

    @Test(arguments: ["#DIV/0!", "#RIF!", "abc", "12,3,4"])
    func unreadableValuesAreErrorsNeverZero(_ value: String) {
        let bad = Self.good.replacingOccurrences(of: "valore: \"1\"", with: "valore: \"\(value)\"")
        let found = errors(bad)
        #expect(found.count == 1)
        #expect(found.first?.field == "albero[0].indicatori[0].item[0].rilevazioni[0].valore")
        #expect(found.first?.message.contains("«\(value)»") == true)
    }

    @Test func oneBadFileOfSeveralYieldsNoPlans() {
        let other = "formato: traguardo/1\nente: {codice: prova}\nanno: 2013\nprocedimenti:\n  - {codice: P1, nome: Protesti, valore_target: \"cento\"}\n"
        do {
            _ = try PlanFileReader.read(texts: [("piano.yaml", Self.good), ("procedimenti.yaml", other)])
            Issue.record("doveva fallire")
        } catch {
            #expect(error.errors.map(\.file) == ["procedimenti.yaml"])
            #expect(error.errors.first?.line == 5)
            #expect(error.description.hasPrefix("1 errore nei file del piano, nulla è stato letto:"))
        }
    }

    @Test func missingFormatEnteAndYamlSyntaxAreReported() {
        #expect(errors("ente: {codice: x, nome: X}\nanno: 2013\n").first?.message.contains("manca «formato: traguardo/1»") == true)
        #expect(errors("formato: traguardo/1\nanno: 2013\n").contains { $0.message.contains("di quale Ente è il file") })
        let syntax = errors("formato: traguardo/1\nente: {codice: x\n")
        #expect(syntax.first?.message.hasPrefix("sintassi YAML/JSON non valida") == true)
    }

    @Test func theMethodologyIsAPresetOrRulesInFull() throws {
        let preset = Self.good + "\nmetodologia: {versione: 3, preset: lucca-2013}\n"
        let plan = try #require(try PlanFileReader.read(texts: [("piano.yaml", preset)]).first)
        #expect(plan.methodology?.version == 3)
        #expect(plan.methodology?.rules == MethodologyPresets.all["lucca-2013"])

        let rules = Self.good + """

            metodologia:
              versione: 2
              regole:
                name: SMVP 2019
                levels:
                  - {level: objective, aggregation: media, rounding: tronca, digits: 2, roundBeforeUse: true}
            """
        let custom = try #require(try PlanFileReader.read(texts: [("piano.yaml", rules)]).first?.methodology)
        #expect(custom.rules.name == "SMVP 2019")
        #expect(custom.rules.levels.first?.rounding == .truncate)

        let unknown = errors(Self.good + "\nmetodologia: {preset: milano-2020}\n")
        #expect(unknown.first?.message.contains("preset «milano-2020» sconosciuto; ammessi:") == true)
    }
}
