import Foundation
import Hummingbird
import TraguardoCore
import TraguardoExchange
import TraguardoStore
import TraguardoWeb

/// Amministrazione › Importazione: plan files (YAML/JSON, as `traguardo import`) and filled-in schede di
/// rilevazione (XLSX/CSV, as `traguardo import scheda.xlsx`). Each upload is written to a temporary folder,
/// read, imported, deleted. All or nothing: any error is shown (file, row, field) and nothing is written.
struct ImportRoutes {
    let state: ServerState

    func register(on router: some RouterMethods<TraguardoRequestContext>) {
        router.get("amministrazione/importazione") { _, context in try await page(context: context) }
        router.post("amministrazione/importazione/piano") { _, context in try await importPlans(context: context) }
        router.post("amministrazione/importazione/schede") { _, context in try await importSheets(context: context) }
    }

    func page(context: TraguardoRequestContext) async throws -> Response {
        try await render(user: state.authorized(context, .importData))
    }

    func render(user: SignedInUser, report: [String] = [], errors: [String] = []) async throws -> Response {
        var scopes: [WebScope] = []
        for cycle in try await state.store.cycles() where Permission.reaches(user, entityCode: cycle.entityCode) {
            if let plan = try await state.store.loadPlan(CycleScope(entityCode: cycle.entityCode, year: cycle.year)) {
                scopes.append(PageRendering.scope(plan))
            }
        }
        let page = AdminImportPage.make(role: user.role, scopes: scopes, report: report, errors: errors.map(UploadFolder.hidingPaths))
        let html = WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .amministrazione))
        return HTMLResponse.page(html, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    var dryRunField: String { FormFields.Importazione.dryRun }

    func importPlans(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .importData)
        let files = context.uploads.filter { $0.field == FormFields.Importazione.files }
        guard !files.isEmpty else { return try await render(user: user, errors: ["Nessun file del piano scelto."]) }
        let plans: [CyclePlan]
        do {
            plans = try await UploadFolder.with(files) { urls in try PlanFileReader.read(paths: urls.map(\.path)) }
        } catch let error as PlanFileErrors {
            return try await render(user: user, errors: error.errors.map(\.description))
        }
        if let foreign = plans.first(where: { !Permission.reaches(user, entityCode: $0.entity.code) }) {
            return try await render(user: user, errors: ["L'utente non è abilitato per l'Ente «\(foreign.entity.code)»."])
        }
        let read = plans.map { "\($0.entity.code) \($0.cycle.year): \($0.items.count) item, \($0.measurements.count) rilevazioni" }
        if context.form?[dryRunField] == "1" {
            return try await render(user: user, report: read + ["Solo verifica: nessun errore, nulla è stato salvato."])
        }
        _ = try await state.store.savePlans(plans, actor: user.username)
        return try await render(user: user, report: read.map { "Importato \($0)." })
    }

    func importSheets(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context, .importData)
        let files = context.uploads.filter { $0.field == FormFields.Importazione.files }
        guard !files.isEmpty else { return try await render(user: user, errors: ["Nessuna scheda scelta."]) }
        let chosen = context.form?[FormFields.Importazione.scope] ?? ""
        var problems: [String] = []
        var report: [String] = []
        var measurements: [CycleScope: [TraguardoCore.Measurement]] = [:]
        var plans: [CycleScope: CyclePlan] = [:]
        let now = state.now
        // One budget for every file of the request: a small XLSX cannot inflate to hundreds of MB.
        let budget = InflationBudget.upload()
        try await UploadFolder.with(files) { urls in
            for url in urls {
                let ext = url.pathExtension.lowercased()
                guard ["xlsx", "csv"].contains(ext) else {
                    problems.append("\(url.lastPathComponent): formato .\(ext) non letto: salvare la scheda come .xlsx o .csv")
                    continue
                }
                do {
                    let heading = try MeasurementSheetReader.heading(of: url, budget: budget)
                    let scope = CycleScope(entityCode: heading.entityCode, year: heading.year)
                    guard chosen.isEmpty || chosen == "\(scope.entityCode)/\(scope.year)" else {
                        problems.append("\(url.lastPathComponent): la scheda è di \(scope.entityCode) \(scope.year), non di \(chosen)")
                        continue
                    }
                    guard Permission.reaches(user, entityCode: scope.entityCode) else {
                        problems.append("\(url.lastPathComponent): l'utente non è abilitato per l'Ente «\(scope.entityCode)»")
                        continue
                    }
                    if plans[scope] == nil { plans[scope] = try await state.store.loadPlan(scope) }
                    guard let plan = plans[scope] else {
                        problems.append("\(url.lastPathComponent): la scheda è di \(scope.entityCode) \(scope.year), che non è nel database")
                        continue
                    }
                    var read: [TraguardoCore.Measurement] = []
                    let summary = try MeasurementSheetReader.read(url, plan: plan, author: user.username, recordedAt: now, sink: { read.append($0) }, budget: budget)
                    measurements[scope, default: []] += read
                    report.append("\(url.lastPathComponent) (\(scope.entityCode) \(scope.year), periodo \(heading.periodCode)): "
                        + "\(summary.filled) righe compilate, \(summary.empty) vuote")
                } catch let error as SheetProblems {
                    problems += error.description.split(separator: "\n").map(String.init)
                }
            }
        }
        guard problems.isEmpty else { return try await render(user: user, errors: problems) }
        if context.form?[dryRunField] == "1" {
            return try await render(user: user, report: report + ["Solo verifica: nessun errore, nulla è stato salvato."])
        }
        let batches = measurements
        let summary = try await state.store.recordMeasurements(actor: user.username) { writer in
            for (scope, group) in batches { try await writer.write(group, in: scope) }
        }
        return try await render(
            user: user,
            report: report + ["Rilevazioni: \(summary.inserted) nuove, \(summary.updated) modificate, \(summary.unchanged) invariate."])
    }
}
