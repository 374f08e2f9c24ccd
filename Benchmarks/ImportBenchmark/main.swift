import Foundation
import TraguardoCore
import TraguardoExchange
import TraguardoStore

// Misura l'import di un milione di rilevazioni da schede CSV: crea un piano sintetico (un item per riga
// di ogni scheda trimestrale), scrive le quattro schede, poi esegue `traguardo import` come processo a sé
// e ne stampa tempo, righe al secondo e memoria massima (RSS). Non è un test: stampa numeri.
//
//   swift run -c release traguardo-benchmark [--rows 1000000] [--database FILE|postgres://…]

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count else { return nil }
    return arguments[i + 1]
}
let rows = Int(option("--rows") ?? "1000000") ?? 1_000_000
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("traguardo-benchmark-\(UUID().uuidString.prefix(8))")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let databaseArgument = option("--database") ?? folder.appendingPathComponent("benchmark.sqlite").path
let location = try DatabaseLocation.resolve(option: databaseArgument)

func seconds(_ start: Date) -> String { String(format: "%.1f s", Date().timeIntervalSince(start)) }
func say(_ text: String) { FileHandle.standardOutput.write(Data((text + "\n").utf8)) }

// 1. The plan: 4 quarters, rows/4 items, 100 items per indicator.
let itemsCount = max(1, rows / 4)
var plan = CyclePlan(entity: Entity(code: "bench", name: "Camera di Commercio di Prova (benchmark)"), cycle: Cycle(entityCode: "bench", year: 2024))
plan.periods = MonitoringPeriod.standard(.quarters, entityCode: "bench", year: 2024)
plan.nodes = [PlanNode(id: "A", entityCode: "bench", year: 2024, kind: .strategicArea, code: "A", title: "Area di prova")]
for i in 0..<((itemsCount + 99) / 100) {
    plan.indicators.append(Indicator(id: "A/\(i)", entityCode: "bench", year: 2024, nodeID: "A", code: "\(i)", name: "Indicatore \(i)", sortOrder: i))
}
for i in 0..<itemsCount {
    plan.items.append(MeasuredItem(id: "A/\(i / 100)/\(i % 100)", indicatorID: "A/\(i / 100)", code: "\(i % 100)",
                                   description: "Item \(i)", comparator: .atLeast, targetValue: 90, rule: .threshold, sortOrder: i % 100))
}
var start = Date()
let store = try await Store.open(location)
try await store.savePlan(plan, actor: "benchmark")
await store.close()
say("Piano sintetico: \(plan.items.count) item, \(plan.indicators.count) indicatori, salvato in \(seconds(start))")

// 2. Four quarterly sheets, filled: every row a value.
start = Date()
var files: [String] = []
for period in plan.periods.map(\.code) {
    var sheet = try MeasurementSheet.make(plan: plan, periodCode: period, office: nil)
    for i in sheet.rows.indices { sheet.rows[i].value = "\(80 + i % 21),5" }
    let url = folder.appendingPathComponent("scheda-\(period).csv")
    try MeasurementSheetWriter.write(sheet, format: .csv, to: url)
    files.append(url.path)
}
say("Schede: \(files.count) × \(itemsCount) righe scritte in \(seconds(start))")

// 3. The import, as a user runs it, in its own process: time and peak memory.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("traguardo").path
guard FileManager.default.isExecutableFile(atPath: binary) else {
    say("manca \(binary): compilare anche il prodotto traguardo (swift build -c release)")
    exit(1)
}
start = Date()
var pid: pid_t = 0
let argv = [binary, "import", "--database", databaseArgument] + files
var cArgs = argv.map { strdup($0) } + [nil]
guard posix_spawn(&pid, binary, nil, nil, &cArgs, environ) == 0 else { say("impossibile avviare \(binary)"); exit(1) }
var status: Int32 = 0
var usage = rusage()
wait4(pid, &status, 0, &usage)
let elapsed = Date().timeIntervalSince(start)
let total = itemsCount * files.count
say(String(format: "Import: %d rilevazioni in %.1f s (%.0f righe/s), memoria massima %.0f MB, stato di uscita %d",
           total, elapsed, Double(total) / elapsed, Double(usage.ru_maxrss) / 1024, status >> 8))
