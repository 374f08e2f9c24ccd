import Foundation
import Testing
import TraguardoCore
import TraguardoSpreadsheet
import TraguardoTestSupport
@testable import TraguardoExchange

/// The plan workbook and openpyxl, a reader and writer independent of Traguardo's: a workbook openpyxl writes
/// from scratch is imported; the one Traguardo writes has, for openpyxl, the drop-down lists and frozen headings.
@Suite("Foglio Excel del piano e openpyxl")
struct PlanWorkbookOpenPyXLTests {
    /// Writes a small plan with Python's own values: ints, floats, dates, booleans, texts (an Italian number too),
    /// a code typed as a number, several codes in a cell on separate lines. The headings come from the layout.
    static let write = #"""
import json, sys, datetime, openpyxl
layout = json.load(open(sys.argv[1]))
d = datetime.date
data = {
  "Ente": [{"Codice": "prova", "Nome": "Camera di prova", "Tipo": "camera-di-commercio", "Istituito il": d(2020, 3, 1), "Anno": 2024}],
  "Periodi": [{"Codice": "ANNO", "Nome": "Anno 2024", "Tipo": "annuale", "Inizio": d(2024, 1, 1), "Fine": d(2024, 12, 31)}],
  "Unità": [{"Codice": "RAG", "Unità superiore": "SG", "Nome": "Ragioneria", "Tipo": "ufficio"},
            {"Codice": "SG", "Nome": "Segreteria generale", "Tipo": "segreteria-generale"}],
  "Persone": [{"Codice": "rossi", "Nome": "Mario Rossi", "Email": "mario.rossi@example.org"}],
  "Ruoli": [{"Persona": "rossi", "Ruolo": "dirigente", "Unità": "SG", "Facente funzione": True, "Dal": 2024, "Al": 2024}],
  "Albero": [{"Codice": 1, "Tipo": "area-strategica", "Titolo": "Competitività delle imprese"},
             {"Codice": "1A", "Padre": 1, "Tipo": "obiettivo-strategico", "Titolo": "Semplificazione", "Peso": 0.5, "Unità responsabile": "SG"}],
  "Risorse": [{"Nodo": "1A", "Anno": 2024, "Tipo": "oneri", "Fase": "preventivo", "Importo": 1418965.5},
              {"Nodo": "1A", "Anno": 2024, "Tipo": "oneri", "Fase": "consuntivo", "Importo": "12.345,67"}],
  "Obiettivi": [{"Codice": "OE1", "Tipo": "ente", "Titolo": "Tempi certi", "Dirigente": "rossi", "Nodi collegati": "1A\n1"}],
  "Indicatori": [{"Nodo": "1A", "Codice": "I1", "Nome": "Pratiche evase", "Comparatore": ">=", "Peso": 100, "Ufficio": "RAG"},
                 {"Obiettivo": "OE1", "Codice": "I1", "Nome": "Giorni medi", "Polarità": "decrescente"}],
  "Target": [{"Nodo": "1A", "Indicatore": "I1", "Anno": 2024, "Valore": 95, "Scadenza": d(2024, 12, 31)}],
  "Item": [{"Nodo": "1A", "Indicatore": "I1", "Codice": "I1.1", "Descrizione": "Pratiche del registro", "Valore target": 95}],
  "Rilevazioni": [{"Nodo": "1A", "Indicatore": "I1", "Item": "I1.1", "Periodo": "ANNO", "Valore": 97.25, "Fatto": False}],
  "Atti": [{"Codice": "G12", "Organo": "Giunta", "Numero": "12", "Data": d(2024, 1, 30), "Oggetto": "Approvazione del piano"}],
}
wb = openpyxl.Workbook()
wb.remove(wb.active)
for name in layout["order"]:
    ws = wb.create_sheet(name)
    headings = layout["sheets"][name]
    ws.append(headings)
    for record in data.get(name, []):
        ws.append([record.get(h) for h in headings])
wb.save(sys.argv[2])
"""#

    @Test("un foglio scritto da openpyxl, non da Traguardo, dà il piano atteso", .enabled(if: OpenPyXL.shouldRun))
    func workbookWrittenByOpenPyXL() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let layout: [String: Any] = [
            "order": PlanWorkbookLayout.sheets.map(\.name),
            "sheets": Dictionary(uniqueKeysWithValues: PlanWorkbookLayout.sheets.map { ($0.name, $0.columns.map(\.heading)) }),
        ]
        let layoutURL = scratch.url("layout.json")
        try JSONSerialization.data(withJSONObject: layout).write(to: layoutURL)
        let url = scratch.url("openpyxl.xlsx")
        _ = try Python.run(Self.write, arguments: [layoutURL.path, url.path])

        #expect(PlanWorkbookReader.isPlanWorkbook(url))
        let plan = try PlanWorkbookReader.read(url)
        #expect(plan.entity.code == "prova" && plan.entity.name == "Camera di prova" && plan.cycle.year == 2024)
        #expect(plan.entity.kind == .cameraDiCommercio && plan.entity.establishedOn == CivilDate(iso: "2020-03-01"))
        #expect(plan.periods.map(\.code) == ["ANNO"] && plan.periods.first?.endsOn == CivilDate(iso: "2024-12-31"))
        #expect(plan.units.map(\.id).sorted() == ["RAG", "SG"] && plan.units.first { $0.id == "RAG" }?.parentID == "SG")
        #expect(plan.roles.count == 1 && plan.roles.first?.acting == true && plan.roles.first?.unitID == "SG")
        #expect(plan.nodes.map(\.id) == ["1", "1A"] && plan.nodes[1].parentID == "1" && plan.nodes[1].weight == Decimal(string: "0.5"))
        #expect(plan.resources.map(\.amount) == [Decimal(string: "1418965.5")!, Decimal(string: "12345.67")!])
        #expect(plan.objectives.map(\.id) == ["OE1"] && plan.objectives.first?.managerPersonID == "rossi")
        #expect(Set(plan.objectiveLinks.compactMap(\.nodeID)) == ["1", "1A"])
        #expect(plan.indicators.map(\.id) == ["1A/I1", "OE1/I1"])
        #expect(plan.indicators.first?.comparator == Comparator(rawValue: ">=") && plan.indicators.first?.ownerUnitID == "RAG")
        #expect(plan.targets.count == 1 && plan.targets.first?.value == 95 && plan.targets.first?.deadline == CivilDate(iso: "2024-12-31"))
        #expect(plan.items.map(\.id) == ["1A/I1/I1.1"] && plan.items.first?.targetValue == 95)
        #expect(plan.measurements.count == 1 && plan.measurements.first?.value == Decimal(string: "97.25") && plan.measurements.first?.done == false)
        #expect(plan.acts.map(\.id) == ["G12"] && plan.acts.first?.date == CivilDate(iso: "2024-01-30"))
    }

    static let inspect = #"""
import json, sys, openpyxl
from openpyxl.utils import range_boundaries
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    lists = {}
    for dv in ws.data_validations.dataValidation:
        sheet, cells = dv.formula1.rsplit("!", 1)
        source = wb[sheet.strip("'")]
        c1, r1, c2, r2 = range_boundaries(cells.replace("$", ""))
        values = [source.cell(row=r, column=c1).value for r in range(r1, r2 + 1)]
        for rng in dv.sqref.ranges:
            lists[rng.coord] = {"type": dv.type, "values": values}
    out[ws.title] = {"freeze": ws.freeze_panes, "lists": lists, "bold": bool(ws["A1"].font.b)}
print(json.dumps(out))
"""#

    struct Inspected: Decodable {
        struct List: Decodable {
            var type: String
            var values: [String?]
        }

        var freeze: String?
        var lists: [String: List]
        var bold: Bool
    }

    @Test("openpyxl trova gli elenchi a discesa e le intestazioni bloccate", .enabled(if: OpenPyXL.shouldRun))
    func validationListsAndFrozenHeadings() throws {
        let scratch = try SpreadsheetScratch()
        defer { scratch.remove() }
        let url = scratch.url("piano.xlsx")
        try PlanWorkbookWriter.write(try PlanWorkbookFixture.plan(), to: url)
        let found = try JSONDecoder().decode([String: Inspected].self, from: try Python.run(Self.inspect, arguments: [url.path]))
        for sheet in PlanWorkbookLayout.sheets {
            let inspected = try #require(found[sheet.name], "manca il foglio \(sheet.name)")
            #expect(inspected.freeze == "A2", "\(sheet.name): intestazione non bloccata")
            #expect(inspected.bold, "\(sheet.name): intestazione non in grassetto")
            var expected: [String: [String]] = [:]
            for (index, column) in sheet.columns.enumerated() {
                guard case .choice(let values) = column.kind else { continue }
                let letter = CellReference.letters(ofColumn: index)
                expected["\(letter)2:\(letter)1048576"] = values
            }
            #expect(Set(inspected.lists.keys) == Set(expected.keys), "\(sheet.name): colonne con elenco")
            for (range, values) in expected {
                #expect(inspected.lists[range]?.type == "list")
                #expect(inspected.lists[range]?.values == values, "\(sheet.name) \(range)")
            }
        }
        #expect(found["Istruzioni"]?.freeze == "A2")
    }
}
