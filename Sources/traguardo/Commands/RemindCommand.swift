import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoServer
import TraguardoStore

struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Invia i promemoria via e-mail di oggi (per cron); con --dry-run dice soltanto chi riceverebbe che cosa.",
        discussion: """
            Per ogni Ente-anno con i promemoria attivi (pagina Promemoria dell'Ente-anno) e ogni periodo aperto: a ogni \
            persona un solo messaggio con tutte le sue rilevazioni mancanti, prima della scadenza e il giorno stesso al \
            responsabile dell'ufficio, dopo la scadenza al dirigente e poi al controllo di gestione. Chi non ha nulla in \
            sospeso non riceve nulla; un promemoria già inviato (stessa persona, periodo e regola) non è mai inviato di \
            nuovo, anche se girano insieme più comandi o server. Le impostazioni di posta sono in Amministrazione › Posta; \
            ogni messaggio è nel registro della posta inviata. Anche «traguardo serve» invia i promemoria \
            (--reminder-interval).
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(name: .long, help: "Non invia nulla e non scrive nulla: stampa chi riceverebbe che cosa.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("Con --dry-run: come se oggi fosse questo giorno.", valueName: "AAAA-MM-GG"))
    var date: String?

    func validate() throws {
        if let date {
            guard dryRun else { throw ValidationError("--date si usa solo con --dry-run: i promemoria veri partono solo con la data di oggi.") }
            guard CivilDate(iso: date) != nil else { throw ValidationError("--date «\(date)»: attesa una data AAAA-MM-GG, per esempio 2026-04-15.") }
        }
    }

    func run() async throws {
        let now = date.flatMap(CivilDate.init(iso:)).map(Self.noonInItaly) ?? Date()
        let round = try await database.withStore { store in
            try await ReminderSender(store: store).run(now: now, dryRun: dryRun)
        }
        var failures = 0
        print(dryRun ? "Promemoria del \(ItalianFormatting.dateTime(now).prefix(10)) — prova: nessun messaggio inviato." : "Promemoria del \(ItalianFormatting.dateTime(now).prefix(10)).")
        if let problem = round.problem { print("Attenzione: \(problem)") }
        if round.messages.isEmpty { print("Nessun promemoria da inviare: nessuno ha rilevazioni in sospeso a cui tocchi oggi un promemoria.") }
        for message in round.messages {
            let verb = dryRun ? "riceverebbe" : (message.error == nil ? "ha ricevuto" : "NON ha ricevuto")
            print("")
            print("\(message.scope.entityCode) \(message.scope.year) — \(message.recipient.name) <\(message.recipient.address)> \(verb) «\(message.subject)»")
            print("  regole: " + message.rules.joined(separator: "; "))
            if let error = message.error {
                failures += 1
                print("  errore: \(error)")
            }
            if dryRun { for line in message.body.split(separator: "\n", omittingEmptySubsequences: false) { print("  | \(line)") } }
        }
        for (scope, who) in round.unreachable {
            print("Senza indirizzo e-mail: \(who.who), ufficio \(who.unitName), periodo \(who.periodCode) (\(scope.entityCode) \(scope.year)).")
        }
        if round.skipped > 0 { print("Già inviati in precedenza (non ripetuti): \(round.skipped).") }
        if !dryRun, round.problem != nil || failures > 0 { throw ExitCode(1) }
    }

    static func noonInItaly(_ day: CivilDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Rome") ?? TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) ?? Date()
    }
}
