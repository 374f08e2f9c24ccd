import Foundation
import TraguardoCore
import TraguardoDocuments
import TraguardoStore
import TraguardoWeb

// Misura che cosa costa una pagina del server web su un Ente-anno della scala nazionale: un piano
// sintetico di N indicatori (4 item ciascuno, 4 trimestri, ogni item rilevato in ogni periodo), salvato
// nel database; poi, per ogni passo che una richiesta compie (lettura del piano, calcolo, pagina), il
// tempo mediano di 5 ripetizioni. Non è un test: stampa numeri.
//
//   swift run -c release traguardo-web-benchmark [--indicators 1000] [--database FILE|postgres://…]

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let indicatorCount = max(10, Int(option("--indicators") ?? "1000") ?? 1000)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-web-benchmark-\(UUID().uuidString.prefix(8))")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let location = try DatabaseLocation.resolve(option: option("--database") ?? folder.appendingPathComponent("web.sqlite").path)
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

// 1. The plan: 10 areas, 10 objectives under each, 20 offices; the indicators spread over the objectives.
let ente = "bench", year = 2024
var plan = CyclePlan(entity: Entity(code: ente, name: "Camera di Commercio di Prova (benchmark web)"), cycle: Cycle(entityCode: ente, year: year))
plan.periods = MonitoringPeriod.standard(.quarters, entityCode: ente, year: year)
plan.units = (0..<20).map { OrganisationalUnit(id: "U\($0)", entityCode: ente, code: "U\($0)", name: "Ufficio \($0)", kind: .ufficio) }
for a in 0..<10 {
    plan.nodes.append(PlanNode(id: "A\(a)", entityCode: ente, year: year, kind: .strategicArea, code: "A\(a)", title: "Area \(a)", sortOrder: a))
    for o in 0..<10 {
        plan.nodes.append(PlanNode(id: "A\(a).\(o)", entityCode: ente, year: year, parentID: "A\(a)", kind: .strategicObjective,
                                   code: "A\(a).\(o)", title: "Obiettivo \(a).\(o)", ownerUnitID: "U\((a * 10 + o) % 20)", sortOrder: o))
    }
}
for i in 0..<indicatorCount {
    let node = "A\(i % 10).\((i / 10) % 10)"
    plan.indicators.append(Indicator(id: "\(node)/\(i)", entityCode: ente, year: year, nodeID: node, code: "\(i)", name: "Indicatore \(i)", sortOrder: i))
    for k in 0..<4 {
        let item = MeasuredItem(id: "\(node)/\(i)/\(k)", indicatorID: "\(node)/\(i)", code: "\(k)", description: "Item \(i).\(k)",
                                comparator: .atLeast, targetValue: 90, rule: .threshold, sortOrder: k)
        plan.items.append(item)
        for period in plan.periods {
            plan.measurements.append(TraguardoCore.Measurement(
                id: "\(item.id)@\(period.code)", itemID: item.id, periodID: period.id, value: Decimal(80 + (i + k) % 21)))
        }
    }
}
var start = Date()
let store = try await Store.open(location)
try await store.savePlan(plan, actor: "benchmark")
say("Piano sintetico: \(plan.nodes.count) nodi, \(plan.indicators.count) indicatori, \(plan.items.count) item, "
    + "\(plan.measurements.count) rilevazioni, salvato in \(String(format: "%.1f s", Date().timeIntervalSince(start)))")

// 2. Each step of a request, five times; the median.
func measure(_ name: String, _ work: () async throws -> Int) async rethrows {
    var times: [Double] = []
    var size = 0
    for _ in 0..<5 {
        let t = Date()
        size = try await work()
        times.append(Date().timeIntervalSince(t) * 1000)
    }
    let median = times.sorted()[2]
    let label = name.padding(toLength: 46, withPad: " ", startingAt: 0)
    say("  \(label) " + String(format: "%6.0f ms", median) + (size > 0 ? "   \(size / 1024) kB di HTML" : ""))
}
let scope = CycleScope(entityCode: ente, year: year)
var loaded = plan
let chrome = PageChrome.make(userName: "Benchmark", role: .controller, csrf: "x", current: nil,
                             scope: WebScope(entityCode: ente, entityName: "Prova", year: year, openPeriodCode: "T4"))
say("Tempo mediano di 5 ripetizioni, \(location.description):")
try await measure("lettura del piano dal database") {
    loaded = try await store.loadPlan(scope)!
    return 0
}
var scores = PlanScorer.score(loaded)
await measure("calcolo di tutti i punteggi") {
    scores = PlanScorer.score(loaded)
    return 0
}
await measure("pagina Cruscotto") {
    let missing = MissingMeasurement.list(in: loaded, period: "T4")
    return WebRenderer.render(CruscottoPage.make(plan: loaded, scores: scores, period: nil, missing: missing, history: []), chrome: chrome).utf8.count
}
await measure("pagina Albero") { WebRenderer.render(AlberoPage.make(plan: loaded, scores: scores), chrome: chrome).utf8.count }
await measure("pagina di un'area (A0)") {
    WebRenderer.render(NodePage.make(plan: loaded, scores: scores, path: "A0")!, chrome: chrome).utf8.count
}
await measure("pagina Rilevazione di un ufficio (U0, T4)") {
    WebRenderer.render(RilevazionePage.make(plan: loaded, scores: scores, period: "T4", office: "U0"), chrome: chrome).utf8.count
}
await measure("pagina Verifiche (tutte le verifiche)") {
    let findings = CheckCatalogue.findings(in: loaded, period: nil)
    return WebRenderer.render(VerifichePage.make(plan: loaded, findings: findings, acknowledgements: [], canAcknowledge: true), chrome: chrome).utf8.count
}
try await measure("Relazione sulla performance in HTML") {
    try HTMLWriter.html(DocumentKind.relazione.document(plan: loaded, components: [], period: nil, lastChange: nil, source: nil)).utf8.count
}
await store.close()
