import Foundation
import Hummingbird
import TraguardoCore
import TraguardoDocuments
import TraguardoExchange
import TraguardoStore
import TraguardoWeb

/// The OIV's sample of a closed period (`WebRoutes.campione`): the page (OIV, controllo di gestione,
/// amministratore: `Action.viewSample`), the draw and the notes (the OIV only: `Action.drawSample`), and the
/// documento di validazione in HTML, DOCX and PDF through the documents' writers and the print queue.
struct OIVSampleRoutes {
    let state: ServerState

    /// The largest sample the form accepts (a national plan has some tens of thousands of items; the OIV samples).
    static let maximumSize = 10_000

    func register(on routes: PageRouter) {
        routes.get("enti/:ente/:anno/campione/:periodo", needs: .viewSample) { request, context in try await page(request: request, context: context) }
        routes.post("enti/:ente/:anno/campione/:periodo", needs: .drawSample) { _, context in try await draw(context: context) }
        routes.post("enti/:ente/:anno/campione/:periodo/nota", needs: .drawSample) { _, context in try await note(context: context) }
        routes.get("enti/:ente/:anno/campione/:periodo/:file", needs: .viewSample) { _, context in try await document(context: context) }
    }

    /// The period of the path, which must be one of the plan's.
    func period(_ context: TraguardoRequestContext, plan: CyclePlan, user: SignedInUser) throws -> MonitoringPeriod {
        let code = try context.parameters.require("periodo")
        guard let period = plan.periods.first(where: { $0.code == code }) else {
            let known = plan.periods.sorted { $0.sequence < $1.sequence }.map(\.code).joined(separator: ", ")
            throw WebFailure.notFound("Nessun periodo «\(code)» nel ciclo \(plan.cycle.year). I periodi sono: \(known).", user: user)
        }
        return period
    }

    /// The latest snapshot of the period while it is closed.
    func snapshot(_ scope: CycleScope, period: MonitoringPeriod) async throws -> PeriodSnapshot? {
        period.status == .closed ? try await state.store.snapshot(scope, period: period.code) : nil
    }

    func evidence(_ scope: CycleScope, sample: OIVSample?) async throws -> [String: [EvidenceFile]] {
        guard let sample, !sample.entries.isEmpty else { return [:] }
        let sampled = Set(sample.entries.map(\.itemID))
        return Dictionary(grouping: try await state.store.evidenceFiles(in: scope).filter { sampled.contains($0.itemID) }, by: \.itemID)
    }

    func page(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let period = try period(context, plan: plan, user: user)
        let frozen = try await snapshot(scope, period: period)
        let sample = frozen == nil ? nil : try await state.store.oivSample(scope, period: period.code)
        let done = request.uri.queryParameters.get("fatto").map { String($0) }
        let page = OIVSamplePage.make(
            plan: plan, period: period, snapshot: frozen?.summary, population: frozen?.plan.items.count ?? plan.items.count,
            sample: sample, evidence: try await evidence(scope, sample: sample), role: user.role,
            message: done == "estratto" ? "Campione estratto." : done == "nota" ? "Esito salvato." : nil)
        return HTMLResponse.page(WebRenderer.render(page, chrome: PageRendering.chrome(user, plan: plan)))
    }

    func draw(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let period = try period(context, plan: plan, user: user)
        guard period.status == .closed else {
            throw WebFailure.badRequest("Il periodo \(period.code) non è chiuso: il campione si estrae dall'istantanea del periodo chiuso.", user: user)
        }
        let form = context.form ?? FormBody(fields: [])
        let sizeText = (form[FormFields.Campione.size] ?? "").trimmingCharacters(in: .whitespaces)
        guard let size = Int(sizeText), (1...Self.maximumSize).contains(size) else {
            throw WebFailure.badRequest(
                "Numero di item «\(sizeText)» non valido: atteso un numero intero da 1 a \(Self.maximumSize). Nulla è stato estratto.", user: user)
        }
        let seedText = (form[FormFields.Campione.seed] ?? "").trimmingCharacters(in: .whitespaces)
        let seed: UInt64
        if seedText.isEmpty {
            seed = UInt64.random(in: 1...999_999_999)
        } else if seedText.count <= 19, seedText.allSatisfy(\.isASCII), let typed = UInt64(seedText) {
            seed = typed
        } else {
            throw WebFailure.badRequest(
                "Seme «\(seedText.prefix(40))» non valido: attese solo cifre (al massimo 19), o nessun seme. Nulla è stato estratto.", user: user)
        }
        let refusal: String?
        do {
            try await state.store.drawOIVSample(scope, period: period.code, size: size, seed: seed, actor: user.username)
            refusal = nil
        } catch {
            guard case .integrity(let reason) = error else { throw error }
            refusal = reason
        }
        if let refusal {
            throw WebFailure(status: .conflict, title: "Campione non estratto", message: refusal.prefix(1).uppercased() + refusal.dropFirst() + ".", user: user)
        }
        return .redirect(to: WebRoutes.campione(ente: scope.entityCode, anno: scope.year, periodo: period.code) + "?fatto=estratto", type: .normal)
    }

    func note(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let period = try period(context, plan: plan, user: user)
        let form = context.form ?? FormBody(fields: [])
        let item = form[FormFields.Campione.item] ?? ""
        let outcomeText = form[FormFields.Campione.outcome] ?? ""
        let outcome = OIVSample.Outcome(rawValue: outcomeText)
        guard outcome != nil || outcomeText.isEmpty else {
            let known = OIVSample.Outcome.allCases.map { "«\($0.rawValue)»" }.joined(separator: ", ")
            throw WebFailure.badRequest("Esito «\(outcomeText.prefix(40))» non valido: atteso \(known) o nessuno.", user: user)
        }
        let note = (form[FormFields.Campione.note] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = TextLength.problem(note, what: "La nota di lavoro") { throw WebFailure.badRequest(problem + " Nulla è stato salvato.", user: user) }
        var refusal: StoreError?
        do {
            try await state.store.noteOIVSample(scope, period: period.code, itemID: item, outcome: outcome, note: note, actor: user.username)
        } catch {
            refusal = error
        }
        switch refusal {
        case nil: break
        case .notFound?: throw WebFailure.notFound("L'item «\(item.prefix(80))» non è nel campione del periodo \(period.code).", user: user)
        case .integrity(let reason)?: throw WebFailure.badRequest(reason + ". Nulla è stato salvato.", user: user)
        case let other?: throw other
        }
        return .redirect(to: WebRoutes.campione(ente: scope.entityCode, anno: scope.year, periodo: period.code) + "?fatto=nota", type: .normal)
    }

    /// `validazione.html|docx|pdf`: the documento di validazione of the current sample.
    func document(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let period = try period(context, plan: plan, user: user)
        let file = try context.parameters.require("file")
        let formats: [String: DocumentFormat] = ["validazione.html": .html, "validazione.docx": .docx, "validazione.pdf": .pdf]
        guard let format = formats[file] else {
            throw WebFailure.notFound("Nessun documento «\(file)»: validazione.html, validazione.docx, validazione.pdf.", user: user)
        }
        guard let frozen = try await snapshot(scope, period: period),
              let sample = try await state.store.oivSample(scope, period: period.code)
        else {
            throw WebFailure.notFound("Il periodo \(period.code) non ha un campione dell'OIV sulla sua istantanea.", user: user)
        }
        let built = ValidationDocumentBuilder.build(
            snapshot: frozen, sample: sample, evidence: try await evidence(scope, sample: sample), source: state.configuration.dataSource)
        let name = "validazione-\(scope.entityCode)-\(scope.year)-\(period.code).\(format.rawValue)"
        let data: Data
        do {
            if format == .pdf {
                try state.printer.checkAvailable()
                data = try await state.printer.pdf(built, kind: "validazione-v\(sample.snapshotVersion)-\(sample.hashValue)")
            } else {
                let environment = state.configuration.environment
                data = try await DocumentRoutes.offMainThreads { try DocumentFile.data(built, format: format, environment: environment) }
            }
        } catch is PrintQueueFull {
            throw PrintingBusy(retryAfterSeconds: max(1, Int(state.configuration.pdf.queueWait.rounded(.up))), user: user)
        } catch {
            throw WebFailure(status: .unprocessableContent, title: "Documento non prodotto", message: "\(error)", user: user)
        }
        return FileDownload.response(data, name: name, mediaType: format.mediaType)
    }
}
