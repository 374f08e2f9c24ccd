import Foundation
import Hummingbird
import TraguardoCore
import TraguardoMail
import TraguardoStore
import TraguardoWeb

/// Amministrazione › Posta (`Action.manageMail`, amministratore): the SMTP settings and the test message.
/// Amministrazione › Promemoria of an Ente-year (`Action.manageReminders`, amministratore and controllo di
/// gestione): the schedule and the sent-mail log of that Ente-year.
struct MailRoutes {
    let state: ServerState
    /// How many rows of the log the page shows.
    static let logLimit = 500

    func register(on routes: PageRouter) {
        routes.get("amministrazione/posta", needs: .manageMail) { request, context in try await settings(request: request, context: context) }
        routes.post("amministrazione/posta", needs: .manageMail) { _, context in try await saveSettings(context: context) }
        routes.post("amministrazione/posta/prova", needs: .manageMail) { _, context in try await sendTest(context: context) }
        routes.get("amministrazione/promemoria/:ente/:anno", needs: .manageReminders) { _, context in try await reminders(context: context) }
        routes.post("amministrazione/promemoria/:ente/:anno", needs: .manageReminders) { _, context in try await saveReminders(context: context) }
    }

    // MARK: Settings

    /// The settings hold for every Ente: an amministratore limited to one Ente may not change them
    /// (`Action.spansEveryEnte`: the routes' declared `.manageMail`, checked as the navigation checks it).
    func authorizedForSettings(_ context: TraguardoRequestContext) throws -> SignedInUser {
        try state.authorized(context)
    }

    func settings(request: Request, context: TraguardoRequestContext) async throws -> Response {
        let user = try authorizedForSettings(context)
        let stored = try await state.store.mailSettings()
        let flash: FlashMessage? = request.uri.queryParameters.get("fatto") == "salvato" ? FlashMessage(.success, "Impostazioni di posta salvate.") : nil
        return settingsPage(user: user, values: stored.map(Self.values) ?? [:], errors: [:], configured: stored != nil, flash: flash)
    }

    func settingsPage(
        user: SignedInUser, values: [String: String], errors: [String: String], configured: Bool, flash: FlashMessage?,
        status: HTTPResponse.Status? = nil
    ) -> Response {
        let page = AdminMailPage.make(values: values, errors: errors, configured: configured, role: user.role, entityLimit: user.account.entityCode, scope: user.place?.current)
        var chrome = PageRendering.chrome(user, current: .amministrazione)
        if let flash { chrome.flash.append(flash) }
        return HTMLResponse.page(WebRenderer.render(page, chrome: chrome), status: status ?? (errors.isEmpty ? .ok : .unprocessableContent))
    }

    func saveSettings(context: TraguardoRequestContext) async throws -> Response {
        let user = try authorizedForSettings(context)
        let form = context.form ?? FormBody(fields: [])
        let (settings, values, errors) = Self.readSettings(form)
        guard let settings, errors.isEmpty else {
            return settingsPage(user: user, values: values, errors: errors, configured: try await state.store.mailSettings() != nil, flash: nil)
        }
        try await state.store.saveMailSettings(settings, actor: user.username)
        return .redirect(to: WebRoutes.posta + "?fatto=salvato", type: .normal)
    }

    func sendTest(context: TraguardoRequestContext) async throws -> Response {
        typealias F = FormFields.Posta
        let user = try authorizedForSettings(context)
        let recipientText = (context.form?[F.testRecipient] ?? "").trimmingCharacters(in: .whitespaces)
        guard let stored = try await state.store.mailSettings() else {
            return settingsPage(user: user, values: [F.testRecipient: recipientText], errors: [:], configured: false,
                                flash: FlashMessage(.error, "Salva prima le impostazioni di posta."), status: .unprocessableContent)
        }
        var values = Self.values(stored)
        values[F.testRecipient] = recipientText
        guard let recipient = MailAddress(recipientText) else {
            return settingsPage(user: user, values: values, errors: [F.testRecipient: "Scrivi un indirizzo e-mail valido, per esempio nome@ente.it."],
                                configured: true, flash: nil)
        }
        let subject = "Traguardo: messaggio di prova"
        let body = "Questo è un messaggio di prova inviato da Traguardo (utente «\(user.username)»).\nSe lo leggi, i promemoria via e-mail possono partire."
        var failure: String?
        do {
            let configuration = try MailSettingsResolution.configuration(stored, environment: state.configuration.environment)
            let sender = try MailSettingsResolution.sender(stored)
            try await SMTPClient(configuration: configuration).send(MailMessage(from: sender, to: [recipient], subject: subject, body: body), now: state.now)
        } catch let error as MailSettingsResolution.Failure {
            failure = error.description
        } catch let error as SMTPError {
            failure = error.description
        }
        try await state.store.logTestMail(recipient: recipient.address, subject: subject, body: body, error: failure)
        let flash = failure.map { FlashMessage(.error, "Messaggio di prova non inviato: \($0)") }
            ?? FlashMessage(.success, "Messaggio di prova inviato a \(recipient.address).")
        return settingsPage(user: user, values: values, errors: [:], configured: true, flash: flash, status: failure == nil ? .ok : .badGateway)
    }

    static func values(_ settings: MailSettings) -> [String: String] {
        typealias F = FormFields.Posta
        return [
            F.host: settings.host, F.port: String(settings.port), F.security: settings.security, F.username: settings.username ?? "",
            F.passwordVariable: settings.passwordVariable ?? "", F.passwordFile: settings.passwordFile ?? "",
            F.senderAddress: settings.senderAddress, F.senderName: settings.senderName ?? "",
            F.certificates: settings.trustedCertificatesFile ?? "", F.siteAddress: settings.siteAddress ?? "",
        ]
    }

    /// The settings typed in the form, or the errors by field. Every field at most 500 characters.
    static func readSettings(_ form: FormBody) -> (MailSettings?, [String: String], [String: String]) {
        typealias F = FormFields.Posta
        let names = [F.host, F.port, F.security, F.username, F.passwordVariable, F.passwordFile, F.senderAddress, F.senderName, F.certificates, F.siteAddress]
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        for name in names {
            let text = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            values[name] = String(text.prefix(500))
            if text.count > 500 { errors[name] = "Al massimo 500 caratteri." }
            if text.contains(where: { $0.isNewline || ($0.asciiValue.map { $0 < 32 } ?? false) }) { errors[name] = "Senza a capo né caratteri di controllo." }
        }
        let host = values[F.host] ?? ""
        if host.isEmpty || host.contains(" ") || host.contains("/") { errors[F.host] = "Scrivi il nome del server, per esempio smtp.ente.it." }
        let port = Int(values[F.port] ?? "")
        if port == nil || !(1...65535).contains(port!) { errors[F.port] = "Una porta da 1 a 65535, per esempio 587." }
        let security = SMTPConfiguration.Security(rawValue: values[F.security] ?? "")
        if security == nil { errors[F.security] = "Scegli STARTTLS, TLS o nessuna." }
        if !MailAddress.isValid(values[F.senderAddress] ?? "") { errors[F.senderAddress] = "Scrivi un indirizzo e-mail valido, per esempio performance@ente.it." }
        let username = values[F.username] ?? "", variable = values[F.passwordVariable] ?? "", file = values[F.passwordFile] ?? ""
        if !variable.isEmpty, !variable.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            errors[F.passwordVariable] = "Il nome di una variabile d'ambiente: lettere, cifre e _ (per esempio TRAGUARDO_SMTP_PASSWORD)."
        }
        if !variable.isEmpty, !file.isEmpty { errors[F.passwordFile] = "Indica la variabile d'ambiente oppure il file, non entrambi." }
        if !username.isEmpty, variable.isEmpty, file.isEmpty {
            errors[F.passwordVariable] = "Con un nome utente serve la password: indica la variabile d'ambiente o il file da cui leggerla."
        }
        if !username.isEmpty, security == SMTPConfiguration.Security.none {
            errors[F.security] = "Con un nome utente la connessione deve essere cifrata (STARTTLS o TLS): la password non si invia in chiaro."
        }
        let site = values[F.siteAddress] ?? ""
        if !site.isEmpty, !(site.hasPrefix("https://") || site.hasPrefix("http://")) { errors[F.siteAddress] = "Un indirizzo che comincia con https://." }
        guard errors.isEmpty, let port, let security else { return (nil, values, errors) }
        func optional(_ name: String) -> String? { values[name].flatMap { $0.isEmpty ? nil : $0 } }
        return (MailSettings(
            host: host, port: port, security: security.rawValue, username: optional(F.username), passwordVariable: optional(F.passwordVariable),
            passwordFile: optional(F.passwordFile), senderAddress: values[F.senderAddress] ?? "", senderName: optional(F.senderName),
            trustedCertificatesFile: optional(F.certificates), siteAddress: optional(F.siteAddress)), values, errors)
    }

    // MARK: Schedule and log

    func reminders(context: TraguardoRequestContext) async throws -> Response {
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let schedule = try await state.store.reminderSchedule(in: scope) ?? .standard
        return try await remindersPage(user: user, plan: plan, scope: scope, values: Self.values(schedule), enabled: schedule.enabled,
                                       onDeadline: schedule.onDeadline, errors: [:], flash: nil)
    }

    func remindersPage(
        user: SignedInUser, plan: CyclePlan, scope: CycleScope, values: [String: String], enabled: Bool, onDeadline: Bool,
        errors: [String: String], flash: FlashMessage?
    ) async throws -> Response {
        let codes = Dictionary(plan.periods.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let log = try await state.store.mailLog(scope, limit: Self.logLimit).map {
            AdminRemindersPage.Entry(at: $0.at, recipient: $0.recipient, subject: $0.subject, body: $0.body,
                                     periodCode: $0.periodID.map { codes[$0] ?? $0 }, ruleKey: $0.rule, status: $0.status.rawValue, error: $0.error)
        }
        let page = AdminRemindersPage.make(
            entityName: plan.entity.shortName ?? plan.entity.name, entityCode: scope.entityCode, year: scope.year, values: values,
            enabled: enabled, onDeadline: onDeadline, errors: errors, log: log, limit: Self.logLimit, role: user.role, entityLimit: user.account.entityCode,
            scope: PageRendering.scope(plan))
        var chrome = PageRendering.chrome(user, current: .amministrazione, plan: plan)
        if let flash { chrome.flash.append(flash) }
        return HTMLResponse.page(WebRenderer.render(page, chrome: chrome), status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    func saveReminders(context: TraguardoRequestContext) async throws -> Response {
        typealias F = FormFields.Promemoria
        let user = try state.authorized(context)
        let (plan, scope) = try await state.plan(context, user: user)
        let form = context.form ?? FormBody(fields: [])
        let (schedule, values, errors) = Self.readSchedule(form)
        guard let schedule else {
            return try await remindersPage(user: user, plan: plan, scope: scope, values: values, enabled: form[F.enabled] == "1",
                                           onDeadline: form[F.onDeadline] == "1", errors: errors, flash: nil)
        }
        try await state.store.saveReminderSchedule(schedule, in: scope, actor: user.username)
        return try await remindersPage(user: user, plan: plan, scope: scope, values: Self.values(schedule), enabled: schedule.enabled,
                                       onDeadline: schedule.onDeadline, errors: [:], flash: FlashMessage(.success, "Calendario dei promemoria salvato."))
    }

    static func values(_ schedule: ReminderSchedule) -> [String: String] {
        typealias F = FormFields.Promemoria
        return [
            F.daysBefore: schedule.daysBefore.map(String.init).joined(separator: ", "),
            F.managerAfter: schedule.managerAfterDays.map(String.init) ?? "",
            F.controllerAfter: schedule.controllerAfterDays.map(String.init) ?? "",
            F.controllerAddresses: schedule.controllerAddresses.joined(separator: ", "),
        ]
    }

    /// The schedule typed in the form, or the errors by field.
    static func readSchedule(_ form: FormBody) -> (ReminderSchedule?, [String: String], [String: String]) {
        typealias F = FormFields.Promemoria
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        for name in [F.daysBefore, F.managerAfter, F.controllerAfter, F.controllerAddresses] {
            let text = (form[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            values[name] = String(text.prefix(2000))
            if text.count > 2000 { errors[name] = "Al massimo 2.000 caratteri." }
        }
        let maximum = ReminderSchedule.maximumDays
        func days(_ text: String) -> Int? { Int(text).flatMap { (0...maximum).contains($0) ? $0 : nil } }
        let beforeParts = (values[F.daysBefore] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let before = beforeParts.compactMap { Int($0).flatMap { (1...maximum).contains($0) ? $0 : nil } }
        if before.count != beforeParts.count || before.count > ReminderSchedule.maximumDaysBefore {
            errors[F.daysBefore] = "Fino a \(ReminderSchedule.maximumDaysBefore) numeri da 1 a \(maximum), separati da virgole (per esempio 7, 2)."
        }
        var manager: Int?, controller: Int?
        if let text = values[F.managerAfter], !text.isEmpty {
            manager = days(text)
            if manager == nil { errors[F.managerAfter] = "Un numero di giorni da 0 a \(maximum), o vuoto." }
        }
        if let text = values[F.controllerAfter], !text.isEmpty {
            controller = days(text)
            if controller == nil { errors[F.controllerAfter] = "Un numero di giorni da 0 a \(maximum), o vuoto." }
        }
        let addresses = (values[F.controllerAddresses] ?? "").split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace })
            .map(String.init).filter { !$0.isEmpty }
        if let wrong = addresses.first(where: { !MailAddress.isValid($0) }) {
            errors[F.controllerAddresses] = "«\(wrong.prefix(80))» non è un indirizzo e-mail valido."
        } else if addresses.count > ReminderSchedule.maximumControllerAddresses {
            errors[F.controllerAddresses] = "Al massimo \(ReminderSchedule.maximumControllerAddresses) indirizzi."
        } else if controller != nil, addresses.isEmpty {
            errors[F.controllerAddresses] = "Per inviare al controllo di gestione serve almeno un indirizzo."
        }
        guard errors.isEmpty else { return (nil, values, errors) }
        return (ReminderSchedule(
            enabled: form[F.enabled] == "1", daysBefore: Array(Set(before)).sorted(by: >), onDeadline: form[F.onDeadline] == "1",
            managerAfterDays: manager, controllerAfterDays: controller, controllerAddresses: addresses), values, errors)
    }
}
