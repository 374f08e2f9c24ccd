import ArgumentParser
import Foundation
import Logging
import TraguardoServer
import TraguardoStore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Avvia il server web (pagine e API JSON /api/v1) sul database.",
        discussion: """
            Le sessioni stanno nel database: più istanze sullo stesso PostgreSQL condividono accessi e dati. Il primo \
            amministratore si crea con «traguardo user add NOME --role amministratore».

            Dietro un proxy inverso in https: «--secure-cookies» (cookie Secure con prefisso __Host-) e «--trusted-proxy \
            INDIRIZZO», perché i tentativi di accesso falliti si contino per il vero indirizzo di chi accede e non per \
            quello del proxy. Gli accessi, i tentativi non riusciti e le uscite stanno nel registro degli accessi \
            (Registro › registro degli accessi), non nel registro modifiche.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("Indirizzo su cui ascoltare.", valueName: "host"))
    var host = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Porta su cui ascoltare.", valueName: "porta"))
    var port = 8080

    @Flag(name: .long, help: "Cookie con l'attributo Secure e il prefisso __Host- (il server è raggiunto in https, dietro un proxy).")
    var secureCookies = false

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "Indirizzo IP del proxy inverso di cui leggere X-Forwarded-For (ripetibile). Senza, l'indirizzo di chi accede è "
                + "quello della connessione e l'intestazione è ignorata.",
            valueName: "indirizzo"))
    var trustedProxies: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Stampe PDF (Chromium) contemporanee al massimo; le altre richieste attendono in coda fino a "
            + "\(Int(PDFPrintingConfiguration().queueWait)) secondi, poi ricevono 503 con Retry-After.", valueName: "n"))
    var pdfConcurrent = 2

    @Option(name: .long, help: ArgumentHelp(
        "Secondi di silenzio dopo i quali una connessione è chiusa (chi non finisce di inviare le intestazioni, o tiene "
            + "aperta una connessione inattiva).", valueName: "secondi"))
    var idleTimeout = ServerConfiguration().idleTimeout

    @Option(name: .long, help: ArgumentHelp(
        "Secondi entro cui il corpo di una richiesta (un modulo, i file allegati) deve arrivare per intero, anche se "
            + "inviato a poco a poco; oltre, la risposta è 408 e nulla è salvato.", valueName: "secondi"))
    var bodyTimeout = ServerConfiguration().bodyTimeout

    @Option(name: .long, help: ArgumentHelp(
        "Secondi fra due giri dei promemoria via e-mail inviati dal server (0: nessun promemoria da questa istanza). Con più "
            + "istanze sullo stesso database ne invia una sola alla volta.", valueName: "secondi"))
    var reminderInterval: Double = 600

    func validate() throws {
        guard reminderInterval == 0 || reminderInterval >= 1 else {
            throw ValidationError("--reminder-interval deve essere 0 (nessun promemoria) o almeno 1 secondo (trovato \(reminderInterval)).")
        }
        for address in trustedProxies where !ClientAddress.isIPAddress(address) {
            throw ValidationError("--trusted-proxy «\(address)»: serve un indirizzo IP (per esempio 127.0.0.1 o ::1), non un nome.")
        }
        guard pdfConcurrent >= 1 else { throw ValidationError("--pdf-concurrent deve essere almeno 1 (trovato \(pdfConcurrent)).") }
        guard idleTimeout >= 1 else { throw ValidationError("--idle-timeout deve essere almeno 1 secondo (trovato \(idleTimeout)).") }
        guard bodyTimeout >= 1 else { throw ValidationError("--body-timeout deve essere almeno 1 secondo (trovato \(bodyTimeout)).") }
    }

    func run() async throws {
        let store = try await Store.open(try database.location(), writerWait: WriterWait.server.adjusted(), readers: Store.serverReaders)
        do {
            try await Self.serve(
                store: store, host: host, port: port, secureCookies: secureCookies, trustedProxies: Set(trustedProxies),
                pdfConcurrent: pdfConcurrent, idleTimeout: idleTimeout, bodyTimeout: bodyTimeout,
                reminderInterval: reminderInterval > 0 ? reminderInterval : nil, dataSource: ReportCommand.describe(try database.location()), banner: nil)
            await store.close()
        } catch {
            await store.close()
            throw error
        }
    }

    /// Runs the server until SIGINT or SIGTERM; prints the address once it listens (and `banner` after it).
    /// `dataSource` is what the documents say they were computed from.
    static func serve(
        store: Store, host: String, port: Int, secureCookies: Bool, trustedProxies: Set<String> = [], pdfConcurrent: Int = 2,
        idleTimeout: Int = ServerConfiguration().idleTimeout, bodyTimeout: Int = ServerConfiguration().bodyTimeout,
        reminderInterval: Double? = nil, dataSource: String, banner: String?
    ) async throws {
        var logger = Logger(label: "traguardo.server")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(
            host: host, port: port, secureCookies: secureCookies, trustedProxies: trustedProxies, dataSource: dataSource,
            pdf: PDFPrintingConfiguration(concurrentPrints: pdfConcurrent), idleTimeout: idleTimeout, bodyTimeout: bodyTimeout,
            reminderInterval: reminderInterval)
        try await TraguardoApplication.run(store: store, configuration: configuration, logger: logger) { bound in
            // Unbuffered, so that a script reading the output sees the address at once.
            let text = "Traguardo in ascolto su http://\(host):\(bound)/ (Ctrl-C per fermarlo)\n" + (banner.map { $0 + "\n" } ?? "")
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
