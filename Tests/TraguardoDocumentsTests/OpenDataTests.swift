import Foundation
import Testing
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoTestSupport

/// The open data set of the example datasets, written as a folder (`OpenDataFolder`) and read back with
/// python's `json` and `csv` modules: the CSV files are what `datapackage.json` says, the JSON file agrees
/// with them digit for digit, and every score and amount is the engine's and the plan's.
@Suite("Dati aperti: CSV, JSON e datapackage")
struct OpenDataTests {
    struct Resource: Decodable {
        var fields: [String]
        var types: [String]
        var descriptions: [String]
        var path: String
        var header: [String]
        /// CSV rows, as text.
        var rows: [[String]]
        /// The same rows from the JSON file, numbers as their digits (`parse_float=str`), null as "".
        var jsonRows: [[String]]
        /// Values that do not match their field's type (`elementi.punteggio: 68,43`).
        var badValues: [String]

        func column(_ name: String) -> Int? { fields.firstIndex(of: name) }
    }

    struct Parsed: Decodable {
        var resources: [String: Resource]
        var resourceOrder: [String]
        var metadata: [String: String]
        var jsonMetadata: [String: String]
        var license: String
        var files: [String]
    }

    static let script = #"""
    import csv, io, json, os, re, sys
    folder = sys.argv[1]
    with open(os.path.join(folder, 'datapackage.json'), encoding='utf-8') as f:
        package = json.load(f, parse_float=str, parse_int=str)
    with open(os.path.join(folder, 'dati.json'), encoding='utf-8') as f:
        data = json.load(f, parse_float=str, parse_int=str)
    patterns = {'number': r'-?\d+(\.\d+)?', 'integer': r'-?\d+', 'date': r'\d{4}-\d{2}-\d{2}', 'boolean': r'true|false'}
    def text(v):
        if v is None: return ''
        if v is True: return 'true'
        if v is False: return 'false'
        return str(v)
    out = {'resources': {}, 'resourceOrder': [], 'files': sorted(os.listdir(folder)),
           'license': package['licenses'][0]['name']}
    def flat(d):
        return {k: (json.dumps(v, sort_keys=True) if isinstance(v, dict) else text(v)) for k, v in d.items()}
    out['metadata'] = flat(package['metadati'])
    out['jsonMetadata'] = flat(data['metadati'])
    for resource in package['resources']:
        name = resource['name']
        fields = resource['schema']['fields']
        with open(os.path.join(folder, resource['path']), encoding='utf-8', newline='') as f:
            raw = f.read()
        assert not raw.startswith('\ufeff')
        rows = list(csv.reader(io.StringIO(raw, newline=''), delimiter=','))
        header, body = rows[0], rows[1:]
        bad = []
        for row in body:
            for field, value in zip(fields, row):
                p = patterns.get(field['type'])
                if value and p and not re.fullmatch(p, value):
                    bad.append(name + '.' + field['name'] + ': ' + value)
        json_rows = [[text(obj.get(field['name'])) for field in fields] for obj in data[name]]
        out['resources'][name] = {'fields': [f['name'] for f in fields], 'types': [f['type'] for f in fields],
                                  'descriptions': [f.get('description', '') for f in fields], 'path': resource['path'],
                                  'header': header, 'rows': body, 'jsonRows': json_rows, 'badValues': bad}
        out['resourceOrder'].append(name)
    json.dump(out, sys.stdout)
    """#

    struct Built {
        var plan: CyclePlan
        var scores: PlanScores
        var set: OpenDataSet
        var parsed: Parsed
    }

    static let generatedAt = Date(timeIntervalSince1970: 1_764_770_400)  // 2025-12-03T14:00:00Z

    static func build(_ folder: String) throws -> Built {
        let plan = try Examples.plan(folder)
        let scores = PlanScorer.score(plan)
        let set = OpenDataSet.build(plan: plan, scores: scores, generatedAt: generatedAt)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-dati-aperti-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let written = try OpenDataFolder.write(set, to: output)
        #expect(written.map(\.lastPathComponent) == ["elementi.csv", "rilevazioni.csv", "risorse.csv", "utilizzo_budget.csv", "datapackage.json", "dati.json"])
        let data = try Python.run(script, arguments: [output.path])
        return Built(plan: plan, scores: scores, set: set, parsed: try JSONDecoder().decode(Parsed.self, from: data))
    }

    @Test(arguments: ["lucca-2013", "toscana-nord-ovest-2022"])
    func theFilesAreWhatTheDatapackageSays(_ folder: String) throws {
        let built = try Self.build(folder)
        let parsed = built.parsed
        #expect(parsed.files == ["datapackage.json", "dati.json", "elementi.csv", "rilevazioni.csv", "risorse.csv", "utilizzo_budget.csv"])
        #expect(parsed.resourceOrder == ["elementi", "rilevazioni", "risorse", "utilizzo_budget"])
        #expect(parsed.license == "CC-BY-4.0")
        for name in parsed.resourceOrder {
            let resource = try #require(parsed.resources[name])
            #expect(resource.path == "\(name).csv")
            #expect(resource.header == resource.fields, "\(name): l'intestazione del CSV è l'elenco dei campi")
            #expect(resource.descriptions.allSatisfy { !$0.isEmpty })
            #expect(resource.badValues.isEmpty, "\(resource.badValues.prefix(5))")
            #expect(resource.rows.allSatisfy { $0.count == resource.fields.count })
            // The CSV's text cells that a spreadsheet would run as a formula carry a leading «'» (the JSON does not).
            let jsonAsCSV = resource.jsonRows.map { row in
                zip(row, resource.types).map { value, type in type == "string" ? FormulaNeutralizer.neutralized(value) : value }
            }
            #expect(jsonAsCSV == resource.rows, "\(name): il JSON e il CSV hanno le stesse cifre")
            let table = try #require(built.set.table(name))
            #expect(resource.rows == table.rows.map { row in
                row.map { value in
                    if case let .text(text)? = value { FormulaNeutralizer.neutralized(text) } else { value?.plain ?? "" }
                }
            })
        }
        #expect(parsed.metadata == parsed.jsonMetadata)
        #expect(parsed.metadata["ente"] == built.plan.entity.code)
        #expect(parsed.metadata["anno"] == String(built.plan.cycle.year))
        #expect(parsed.metadata["licenza"] == "CC-BY 4.0")
        #expect(parsed.metadata["generato"] == "2025-12-03T14:00:00Z")
        #expect(parsed.metadata["versione_schema"] == OpenDataSet.schemaVersion)
        #expect(parsed.metadata["metodologia"]?.contains(built.scores.methodology.name) == true)

        // One row per scored element, per measurement, per resource and account line of the plan.
        let elements = try #require(parsed.resources["elementi"])
        #expect(elements.rows.count == built.scores.all.count)
        #expect(try #require(parsed.resources["rilevazioni"]).rows.count == built.plan.measurements.count)
        #expect(try #require(parsed.resources["risorse"]).rows.count == built.plan.resources.count + built.plan.accountLines.count)

        // Every score is the engine's exact value, and its Italian text.
        let kind = try #require(elements.column("tipo")), id = try #require(elements.column("id"))
        let score = try #require(elements.column("punteggio")), shown = try #require(elements.column("punteggio_mostrato"))
        let engine = Dictionary(built.scores.all.map { ("\($0.subject.kind.rawValue)|\($0.subject.id)", $0) }, uniquingKeysWith: { a, _ in a })
        for row in elements.rows {
            let element = try #require(engine["\(row[kind])|\(row[id])"], "\(row[kind]) \(row[id])")
            #expect(row[score] == (element.score.value.map { "\($0)" } ?? ""))
            #expect(row[shown] == element.score.shown)
        }
    }

    @Test func lucca2013HasTheProceduresTotalAndSG4() throws {
        let built = try Self.build("lucca-2013")
        let elements = try #require(built.parsed.resources["elementi"])
        let kind = try #require(elements.column("tipo")), code = try #require(elements.column("codice"))
        let score = try #require(elements.column("punteggio")), shown = try #require(elements.column("punteggio_mostrato"))
        let total = try #require(elements.rows.first { $0[kind] == "procedimenti" })
        #expect(total[shown] == "97,51")
        #expect(total[score] == (try #require(built.scores.procedureTotal?.score.value)).description)
        let sg4 = try #require(elements.rows.first { $0[kind] == "obiettivo" && $0[code] == "SG-4" })
        let engine = try #require(built.scores.objective(code: "SG-4")).score
        #expect(sg4[shown] == engine.shown)
        #expect(sg4[score] == (try #require(engine.value)).description)
        #expect(!sg4[score].contains(","))
        // The measurement of SG-4/b (SG-4/a is derived from the Area's projects, it has none) is there, with its period.
        let measurements = try #require(built.parsed.resources["rilevazioni"])
        let element = try #require(measurements.column("elemento")), period = try #require(measurements.column("periodo"))
        #expect(measurements.rows.contains { $0[element].hasPrefix("SG-4/b/") && !$0[period].isEmpty })
    }

    /// Issue 22: the budget use per node in open data. Lucca 2018's area 2, oneri, by hand from the seed
    /// (righe 132-142, 356-366, 388-398): aggiornato 699.900,00 + 0,00 + 750.820,00, consuntivo
    /// 595.088,48 + 0,00 + 712.779,73; 1.307.868,21 / 1.450.720,00 × 100 = 90,153… → 90.15; −142.851,79.
    @Test func lucca2018HasTheBudgetUseOfEveryNode() throws {
        let built = try Self.build("lucca-2018")
        let use = try #require(built.parsed.resources["utilizzo_budget"])
        let element = try #require(use.column("elemento")), nature = try #require(use.column("natura"))
        let aggiornato = try #require(use.column("aggiornato")), consuntivo = try #require(use.column("consuntivo"))
        let percent = try #require(use.column("utilizzo_percentuale")), variance = try #require(use.column("scostamento"))
        let reason = try #require(use.column("motivo_non_calcolabile"))
        let area = try #require(use.rows.first { $0[nature] == "oneri" && $0[aggiornato] == "1450720" }, "manca l'area 2")
        #expect(area[consuntivo] == "1307868.21")
        #expect(area[percent] == "90.15")
        #expect(area[variance] == "-142851.79")
        #expect(area[reason].isEmpty)
        // 2D: oneri aggiornato 0,00: no percent, the reason instead.
        #expect(use.rows.contains { $0[element].hasSuffix("2D") && $0[nature] == "oneri" && $0[percent].isEmpty
            && $0[reason] == "il budget aggiornato è zero" })
        #expect(use.rows.contains { $0[element].isEmpty && $0[nature] == "oneri" }, "manca la riga dell'Ente")
    }

    @Test func toscanaNordOvest2022HasEveryAmountOfThePlan() throws {
        let built = try Self.build("toscana-nord-ovest-2022")
        let resources = try #require(built.parsed.resources["risorse"])
        #expect(built.plan.resources.count > 0 && built.plan.accountLines.count > 0)
        let id = try #require(resources.column("id")), amount = try #require(resources.column("importo"))
        let byID = Dictionary(resources.rows.map { ($0[id], $0[amount]) }, uniquingKeysWith: { a, _ in a })
        for resource in built.plan.resources { #expect(byID[resource.id] == resource.amount.description, "\(resource.id)") }
        for line in built.plan.accountLines { #expect(byID[line.id] == line.amount.description, "\(line.id)") }
        // The Ente's proventi (aggiornato) added up from the CSV are the plan's own sum.
        let origin = try #require(resources.column("origine")), nature = try #require(resources.column("natura"))
        let phase = try #require(resources.column("fase"))
        let fromCSV = resources.rows.filter { $0[origin] == "risorsa" && $0[nature] == "proventi" && $0[phase] == "aggiornato" }
            .reduce(Decimal(0)) { $0 + (Decimal(string: $1[amount]) ?? .nan) }
        let fromPlan = built.plan.resources.filter { $0.kind == .proventi && $0.phase == .aggiornato }.reduce(Decimal(0)) { $0 + $1.amount }
        #expect(fromCSV == fromPlan)
        #expect(fromCSV > 0)
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        let table = OpenDataTable(
            name: "prova", title: "Prova", description: "Prova",
            fields: [OpenDataField("a", .string, "A"), OpenDataField("b", .number, "B")],
            rows: [[.text("x, \"y\"\nz"), .number(Decimal(string: "1418965.5")!)], [nil, .number(-3)]])
        #expect(OpenDataCSV.text(table) == "a,b\r\n\"x, \"\"y\"\"\nz\",1418965.5\r\n,-3\r\n")
    }

    /// Any text survives the JSON file (quotes, backslashes, control characters), and numbers keep every digit.
    @Test func jsonKeepsTextAndDigits() throws {
        let nasty = "virgolette \" barra \\ a capo\n tab\t controllo\u{1} fine riga\u{2028} «àè»"
        var set = OpenDataSet.build(plan: try Examples.plan("lucca-2013"), scores: PlanScorer.score(try Examples.plan("lucca-2013")), generatedAt: Self.generatedAt)
        set.tables = [OpenDataTable(
            name: "prova", title: "Prova", description: "Prova",
            fields: [OpenDataField("testo", .string, "T"), OpenDataField("numero", .number, "N")],
            rows: [[.text(nasty), .number(Decimal(string: "1234567890.123456789")!)], [nil, .number(Decimal(string: "0.000001")!)]])]
        let script = """
            import json, sys
            d = json.loads(sys.argv[1], parse_float=str, parse_int=str)
            print(json.dumps([[r['testo'], r['numero']] for r in d['prova']]))
            """
        let output = try Python.run(script, arguments: [OpenDataJSON.text(set)])
        let rows = try JSONDecoder().decode([[String?]].self, from: output)
        #expect(rows == [[nasty, "1234567890.123456789"], [nil, "0.000001"]])
    }

    /// A text cell a spreadsheet would run as a formula (`= + - @`, tab, CR, another control character) is
    /// written with a leading `'`; a number, typed or a text made only of a number, keeps its digits.
    /// Read back with python's `csv` module, cell by cell.
    @Test func csvNeutralisesFormulasInTextCellsOnly() throws {
        let texts = [
            #"=HYPERLINK("http://127.0.0.1:18081/csv","clic")"#, "-2+3 cmd|' /C calc'!A0", "+1+1", "@SUM(A1:A9)",
            "\tinvisibile", "\rritorno", "\u{1}controllo", "-12,5", "-3", "Nodo - secondo", "a = b", "",
        ]
        let table = OpenDataTable(
            name: "prova", title: "Prova", description: "Prova",
            fields: [OpenDataField("testo", .string, "T"), OpenDataField("numero", .number, "N")],
            rows: texts.map { [.text($0), .number(Decimal(string: "-12.5")!)] } + [[nil, .integer(-3)]])
        let script = """
            import csv, io, json, sys
            rows = list(csv.reader(io.StringIO(sys.argv[1], newline=''), delimiter=','))
            print(json.dumps(rows[1:]))
            """
        let output = try Python.run(script, arguments: [OpenDataCSV.text(table)])
        let rows = try JSONDecoder().decode([[String]].self, from: output)
        #expect(rows.map { $0[0] } == [
            #"'=HYPERLINK("http://127.0.0.1:18081/csv","clic")"#, "'-2+3 cmd|' /C calc'!A0", "'+1+1", "'@SUM(A1:A9)",
            "'\tinvisibile", "'\rritorno", "'\u{1}controllo", "-12,5", "-3", "Nodo - secondo", "a = b", "", "",
        ])
        #expect(rows.map { $0[1] } == Array(repeating: "-12.5", count: texts.count) + ["-3"])
    }
}
