import Foundation
import Hummingbird
import TraguardoCore
import TraguardoExchange
import TraguardoSpreadsheet
import TraguardoStore
import TraguardoWeb

/// Amministrazione › Importazione: plan files (YAML/JSON or the plan workbook, as `traguardo import`), filled-in schede di
/// rilevazione (XLSX/CSV, as `traguardo import scheda.xlsx`) and the cases of the Carta dei servizi (as `traguardo carta
/// import-casi`). Each upload is written to a temporary folder,
/// read, imported, deleted. All or nothing: any error is shown (file, row, field) and nothing is written.
struct ImportRoutes {
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("amministrazione/importazione", needs: .importData) { _, context in try await page(context: context) }
        routes.post("amministrazione/importazione/piano", needs: .importData) { _, context in try await importPlans(context: context) }
        routes.post("amministrazione/importazione/schede", needs: .importData) { _, context in try await importSheets(context: context) }
        routes.post("amministrazione/importazione/casi", needs: .importData) { _, context in try await importCases(context: context) }
    }

    func page(context: TraguardoRequestContext) async throws -> Response {
        try await render(user: state.authorized(context))
    }

    func render(user: SignedInUser, report: [String] = [], errors: [String] = [], link: NavLink? = nil) async throws -> Response {
        // Names and open periods only (a store query), not every plan.
        let scopes = try await state.store.cycleHeadings()
            .filter { Permission.reaches(user, entityCode: $0.entity.code) }.map(PageRendering.scope)
        let page = AdminImportPage.make(role: user.role, entityLimit: user.account.entityCode, scopes: scopes, report: report, errors: errors.map(UploadFolder.hidingPaths), link: link)
        let html = WebRenderer.render(page, chrome: PageRendering.chrome(user, current: .amministrazione))
        return HTMLResponse.page(html, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    var dryRunField: String { FormFields.Importazione.dryRun }

    func importPlans(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let files = context.uploads.filter { $0.field == FormFields.Importazione.files }
        guard !files.isEmpty else { return try await render(user: user, errors: ["Nessun file del piano scelto."]) }
        let plans: [CyclePlan]
        do {
            // Plan workbooks (.xlsx) and plan files in one all-or-nothing read; one decompression budget per request.
            let budget = InflationBudget.upload()
            plans = try await UploadFolder.with(files) { urls in
                let workbooks = urls.filter { $0.pathExtension.lowercased() == "xlsx" }.map(\.path)
                return try PlanWorkbookImport.read(paths: urls.map(\.path), workbooks: Set(workbooks), budget: budget)
            }
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

    /// The schede, through the one `MeasurementImport` of `traguardo import`: checked into a spool on disk (not
    /// in memory), written in one transaction only when no sheet has a problem.
    func importSheets(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let files = context.uploads.filter { $0.field == FormFields.Importazione.files }
        guard !files.isEmpty else { return try await render(user: user, errors: ["Nessuna scheda scelta."]) }
        let chosen = context.form?[FormFields.Importazione.scope] ?? ""
        // One budget for every file of the request: a small XLSX cannot inflate to hundreds of MB.
        let budget = InflationBudget.upload()
        let reading = MeasurementImport(
            author: user.username, recordedAt: state.now, budget: { budget },
            admit: { entity, year in
                if !chosen.isEmpty, chosen != "\(entity)/\(year)" { return "la scheda è di \(entity) \(year), non di \(chosen)" }
                return Permission.reaches(user, entityCode: entity) ? nil : "l'utente non è abilitato per l'Ente «\(entity)»"
            })
        let store = state.store
        let (checked, imported) = try await UploadFolder.with(files) { urls in
            let checked = try await reading.check(
                urls.map { MeasurementImport.Sheet(url: $0, name: $0.lastPathComponent) },
                plan: { try await store.loadPlan(CycleScope(entityCode: $0, year: $1)) })
            // Each file is named once in the registro, with its SHA-256, beside the rows it wrote.
            let imported = checked.problems.isEmpty ? try urls.map { try ImportedFile.reading($0) } : []
            return (checked, imported)
        }
        let spool = checked.spool
        defer { spool.discard() }
        guard checked.problems.isEmpty else { return try await render(user: user, errors: checked.problems) }
        if context.form?[dryRunField] == "1" {
            return try await render(user: user, report: checked.report + [MeasurementImport.dryRunLine(spool.count)])
        }
        let summary = try await store.recordMeasurements(actor: user.username) { batches in
            try await spool.forEachGroup { entity, year, file, batch in
                try await batches.write(batch, in: CycleScope(entityCode: entity, year: year), from: imported[file])
            }
        }
        return try await render(
            user: user,
            report: checked.report + [MeasurementImport.writtenLine(inserted: summary.inserted, updated: summary.updated, unchanged: summary.unchanged)])
    }

    /// The cases of the Carta dei servizi of one Ente-year, through the one `ServiceCaseImport` of `traguardo carta
    /// import-casi`: every file read and checked, then the services' cases replaced in one transaction, or nothing.
    func importCases(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let files = context.uploads.filter { $0.field == FormFields.Importazione.files }
        guard !files.isEmpty else { return try await render(user: user, errors: ["Nessun file dei casi scelto."]) }
        let chosen = context.form?[FormFields.Importazione.scope] ?? ""
        let parts = chosen.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let year = Int(parts[1]), !parts[0].isEmpty else {
            return try await render(user: user, errors: ["Ente e anno «\(chosen)» non validi: attesi come lucca/2018."])
        }
        let scope = CycleScope(entityCode: String(parts[0]), year: year)
        guard Permission.reaches(user, entityCode: scope.entityCode) else {
            return try await render(user: user, errors: ["L'utente non è abilitato per l'Ente «\(scope.entityCode)»."])
        }
        guard let plan = try await state.store.loadPlan(scope) else {
            return try await render(user: user, errors: ["Nessun ciclo \(scope.entityCode) \(scope.year) nel database."])
        }
        let service = (context.form?[FormFields.Importazione.service]).flatMap { $0.isEmpty ? nil : $0 }
        let budget = InflationBudget.upload()
        let read: ServiceCaseImport.Read
        do {
            read = try await UploadFolder.with(files) { urls in
                try ServiceCaseImport.read(urls, plan: plan, service: service, budget: budget)
            }
        } catch let error as ServiceCaseImport.Problems {
            return try await render(user: user, errors: error.lines)
        }
        let heading = "\(scope.entityCode) \(scope.year): \(read.summary) — nessun errore."
        if context.form?[dryRunField] == "1" {
            return try await render(user: user, report: [heading, "Solo verifica: nulla è stato salvato."])
        }
        let changes = try await state.store.replaceServiceCases(
            read.cases, services: read.services, in: scope, source: read.source, actor: user.username)
        return try await render(
            user: user,
            report: [heading] + changes.map { "Servizio \($0.serviceCode): \($0.after) casi (prima \($0.before))." },
            link: NavLink(label: "La Carta dei servizi \(scope.year) calcolata dai casi registrati",
                          href: WebRoutes.carta(ente: scope.entityCode, anno: scope.year) + "?" + CartaPage.fromCasesQuery))
    }
}
