import Foundation
import Hummingbird
import TraguardoCore
import TraguardoStore
import TraguardoWeb

/// `/enti/:ente/:anno/rilevazione/:periodo/:ufficio`: an office enters the measurements of its items for an
/// open period. Who may open and post it: `Permission.mayEnter` (an office only its own page, a dirigente
/// the pages of his area). The measurements are written with the store's `recordMeasurements`, audited under
/// the user's name, with the evidence files posted (`RilevazioneEvidence`) in the same transaction; the page
/// shown after saving is scored again from the stored plan.
struct RilevazioneRoutes {
    typealias F = FormFields.Rilevazione
    let state: ServerState

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/rilevazione/:periodo", needs: .enterMeasurement) { _, context in try await list(context: context) }
        routes.get("enti/:ente/:anno/rilevazione/:periodo/:ufficio", needs: .enterMeasurement) { request, context in
            try await show(context: context, filter: Self.filter(request))
        }
        routes.post("enti/:ente/:anno/rilevazione/:periodo/:ufficio", needs: .enterMeasurement) { request, context in
            try await save(context: context, filter: Self.filter(request))
        }
        routes.get("risorse/rilevazione.js", access: .open) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: RilevazioneScript.source)))
        }
    }

    /// The list's filter from the query: `?mancanti=1`, `?cerca=…` (at most `Filter.maxSearch` characters).
    static func filter(_ request: Request) -> RilevazionePage.Filter {
        let query = request.uri.queryParameters
        return RilevazionePage.Filter(
            onlyMissing: query.get(F.onlyMissing) != nil,
            search: query.get(F.search).map { String($0.prefix(RilevazionePage.Filter.maxSearch * 4)) } ?? "")
    }

    struct Page {
        var plan: CyclePlan
        var scope: CycleScope
        var period: MonitoringPeriod
        var unit: OrganisationalUnit
        var items: [MeasuredItem]
    }

    /// The page's plan, period and office, after every check.
    func page(_ context: TraguardoRequestContext, user: SignedInUser, forWriting: Bool) async throws -> Page {
        let (plan, scope) = try await state.plan(context, user: user)
        let periodCode = try context.parameters.require("periodo")
        let unitCode = try context.parameters.require("ufficio")
        guard let period = plan.periods.first(where: { $0.code == periodCode || $0.id == periodCode }) else {
            throw WebFailure.notFound("Nessun periodo «\(periodCode)» nel ciclo \(plan.cycle.year).", user: user)
        }
        guard let unit = plan.unit(named: unitCode) else {
            throw WebFailure.notFound("Nessun ufficio «\(unitCode)» nell'Ente «\(plan.entity.code)».", user: user)
        }
        guard Permission.mayEnter(user, for: unit, in: plan) else {
            throw WebFailure.forbidden("Le rilevazioni di «\(unit.name)» non sono di competenza dell'utente «\(user.username)».", user: user)
        }
        if forWriting, !period.status.acceptsEntries {
            throw WebFailure.forbidden("Il periodo «\(period.name)» è chiuso: le rilevazioni non sono modificabili.", user: user)
        }
        let items = plan.items(enteredBy: unit)
        if forWriting, let first = items.first,
           let problem = ValueLock(plan: plan, validated: try await state.store.submissions(in: scope)).problem(itemID: first.id, periodID: period.id)
        {
            throw WebFailure(status: .conflict, title: "Valori validati", message: problem.prefix(1).uppercased() + problem.dropFirst() + ".", user: user)
        }
        return Page(plan: plan, scope: scope, period: period, unit: unit, items: items)
    }

    /// The offices whose forms the user may open for the period (an office: its own; a dirigente: his area's).
    func list(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, _) = try await state.plan(context, user: user)
        let periodCode = try context.parameters.require("periodo")
        guard plan.periods.contains(where: { $0.code == periodCode }) else {
            throw WebFailure.notFound("Nessun periodo «\(periodCode)» nel ciclo \(plan.cycle.year).", user: user)
        }
        let allowed = Set(plan.units.filter { Permission.mayEnter(user, for: $0, in: plan) }.map(\.id))
        return HTMLResponse.page(PageRendering.rilevazioneElenco(plan: plan, period: periodCode, offices: allowed, user: user))
    }

    func show(context: TraguardoRequestContext, filter: RilevazionePage.Filter) async throws -> Response {
        let user = try state.authorized(context)
        let page = try await page(context, user: user, forWriting: false)
        return try await render(page, user: user, entries: [:], errors: [], saved: nil, filter: filter)
    }

    /// The form with the scores of the plan and the evidence files stored for its items.
    /// - Parameter saved: the flash after a save (nil: none).
    func render(
        _ page: Page, user: SignedInUser, entries: [String: RilevazioneEntry], errors: [RilevazioneError], saved: String?,
        filter: RilevazionePage.Filter, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let scores = PlanScorer.score(page.plan, period: page.period.code)
        let items = Set(page.items.map(\.id))
        let evidence = try await state.store.evidenceFiles(in: page.scope).filter { items.contains($0.itemID) }
        // The office's submission for the period, as it holds for the values now: each row shows it.
        let stored = try await state.store.submissions(in: page.scope).first { $0.unitID == page.unit.id && $0.periodCode == page.period.code }
        let submission = stored?.effectiveState(current: SubmissionFingerprint.of(page.plan, unit: page.unit, period: page.period)) ?? .draft
        return HTMLResponse.page(PageRendering.rilevazione(
            plan: page.plan, scores: scores, period: page.period, unit: page.unit, entries: entries, errors: errors,
            evidence: evidence, saved: saved, filter: filter, submission: submission, user: user), status: status)
    }

    func save(context: TraguardoRequestContext, filter: RilevazionePage.Filter) async throws -> Response {
        let user = try state.authorized(context)
        let page = try await page(context, user: user, forWriting: true)
        let form = context.form ?? FormBody(fields: [])
        // An item of another office named in the form: the whole post is refused (the reader would only ignore it).
        let own = Set(page.items.map(\.id))
        let named = Set(form.fields.compactMap { Self.itemID(of: $0.name) })
        let filed = Set(context.uploads.compactMap { F.itemID(in: $0.field, prefix: F.evidencePrefix) })
        let foreign = named.union(filed).subtracting(own).sorted()
        guard foreign.isEmpty else {
            throw WebFailure.forbidden(
                "Il modulo contiene item che non sono di «\(page.unit.name)»: \(foreign.joined(separator: ", ")). Nulla è stato salvato.",
                user: user)
        }
        // «Salva» of one row: only that item's fields are read (the others are left as stored).
        let row = form.fields.first { $0.name == F.save }.map(\.value).flatMap { own.contains($0) ? $0 : nil }
        let posted = row.map { id in form.fields.filter { Self.itemID(of: $0.name) == id } } ?? form.fields
        let fields = Dictionary(posted.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let files = context.uploads.filter { file in row.map { F.itemID(in: file.field, prefix: F.evidencePrefix) == $0 } ?? true }
        let uploads = RilevazioneEvidence.check(
            files.map { (field: $0.field, fileName: $0.filename, data: $0.data) }, items: own)
        let plan = page.plan, periodCode = page.period.code, office = page.unit.id, author = user.username, now = state.now
        let read = RilevazioneForm.read(
            fields: fields, evidence: uploads.names, plan: plan, period: periodCode, office: office, author: author, at: now)
        let errors = read.errors + uploads.errors
        guard errors.isEmpty else {
            return try await render(
                page, user: user, entries: read.entries, errors: errors, saved: nil, filter: filter, status: .unprocessableContent)
        }
        let scope = page.scope
        if !read.measurements.isEmpty {
            // One transaction: the files first (their ids name them in the measurements' evidence, «verbale.pdf
            // (allegato n. 12)»), then the measurements with those names in place of the bare ones they were
            // checked with. If anything fails, neither the files nor the measurements are written. An item with a
            // file always has a measurement here: a file alone makes the form ask for the value.
            let stored = plan.measurementsByItem(in: page.period)
            _ = try await state.store.recordMeasurements(actor: author) { batches in
                var labels: [String: [String]] = [:]
                for file in uploads.files {
                    let kept = try await batches.addEvidence(
                        EvidenceUpload(
                            itemID: file.itemID, periodCode: periodCode, fileName: file.fileName, mediaType: file.mediaType,
                            content: file.data),
                        in: scope)
                    labels[file.itemID, default: []].append(kept.evidenceLabel)
                }
                let labelled = read.measurements.map { m -> TraguardoCore.Measurement in
                    var m = m
                    m.evidence = stored[m.itemID]?.evidence ?? []
                    for label in labels[m.itemID] ?? [] where !m.evidence.contains(label) { m.evidence.append(label) }
                    return m
                }
                try await batches.write(labelled, in: scope)
            }
        }
        // The page after saving reads the plan through the cache (the write changed its marker).
        guard let saved = try await state.plans.plan(scope, store: state.store) else {
            throw WebFailure.notFound("Il ciclo non esiste più.", user: user)
        }
        var updated = page
        updated.plan = saved
        let path = row.flatMap { id in saved.itemPaths()[id] }
        return try await render(
            updated, user: user, entries: [:], errors: [],
            saved: path.map { "Rilevazione dell'item \($0) salvata." } ?? "Rilevazioni salvate.", filter: filter)
    }

    /// The item a field of the form is about (`valore[ITEM]`, `nc[ITEM]` …), nil for the others (`csrf`, `salva`).
    static func itemID(of name: String) -> String? {
        [F.valuePrefix, F.notComputablePrefix, F.notComputableReasonPrefix, F.justifiedDeviationPrefix, F.justificationPrefix,
         F.narrativePrefix, F.evidencePrefix, F.presentPrefix].lazy.compactMap { F.itemID(in: name, prefix: $0) }.first
    }
}
