import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TraguardoServer
import TraguardoStore
import TraguardoTestSupport

/// The server on an SQLite file that another process is writing (a long `traguardo import`): pages are read
/// at once, a login waits its turn, and a wait that ends is an Italian 503 with `Retry-After`, never an empty 500.
@Suite("Server con il database occupato da un'altra scrittura")
struct BusyDatabaseTests {
    @Test func pagesAnswerAndALoginThatCannotWriteGetsAnItalian503() async throws {
        try await ServerFixture.withStore(.sqlite) { _, database in
            guard case .sqlite(let path) = database.location else { return }
            let store = try await Store.open(database.location, writerWait: WriterWait(limit: .seconds(1)))
            let app = TraguardoApplication.make(store: store, configuration: ServerFixture.configuration())
            try await app.test(.router) { client in
                let reader = Browser(client)
                #expect(try await reader.logIn("controllo").status == .seeOther)
                let holder = try await SQLiteWriteLockHolder(path: path)
                do {
                    let page = try await reader.get("/enti/lucca/2018/cruscotto")
                    #expect(page.status == .ok)
                    #expect(page.body.contains("Cruscotto"))

                    let latecomer = Browser(client)
                    let refused = try await latecomer.logIn("ufficio.pers")
                    #expect(refused.status == .serviceUnavailable)
                    #expect(refused.headers[.retryAfter] == "30")
                    #expect(refused.headers[.contentType] == "text/html; charset=utf-8")
                    #expect(refused.body.contains("Database occupato"))
                    #expect(refused.body.contains("è occupato da un&#39;altra operazione di scrittura")
                                || refused.body.contains("è occupato da un'altra operazione di scrittura"), "\(refused.body)")
                    #expect(refused.body.contains("Riprovare fra 30 secondi"))
                    #expect(latecomer.cookies["traguardo_sessione"] == nil, "nessuna sessione aperta")

                    await holder.release()
                    #expect(try await latecomer.logIn("ufficio.pers").status == .seeOther)
                } catch {
                    await holder.release()
                    throw error
                }
            }
            await store.close()
        }
    }
}
