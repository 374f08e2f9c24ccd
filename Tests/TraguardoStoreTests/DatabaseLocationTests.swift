import Testing
import TraguardoStore

@Suite("Dove stanno i dati: --database e TRAGUARDO_DATABASE")
struct DatabaseLocationTests {
    @Test func theDefaultIsAFileInTheWorkingDirectory() throws {
        #expect(try DatabaseLocation.resolve(option: nil, environment: [:]) == .sqlite(path: "traguardo.sqlite"))
        #expect(try DatabaseLocation.resolve(option: "  ", environment: [:]) == .sqlite(path: "traguardo.sqlite"))
    }

    @Test func theOptionWinsOverTheEnvironment() throws {
        let environment = ["TRAGUARDO_DATABASE": "/srv/da-ambiente.sqlite"]
        #expect(try DatabaseLocation.resolve(option: nil, environment: environment) == .sqlite(path: "/srv/da-ambiente.sqlite"))
        #expect(try DatabaseLocation.resolve(option: "altro.sqlite", environment: environment) == .sqlite(path: "altro.sqlite"))
    }

    @Test func aPostgresURLIsRead() throws {
        let location = try DatabaseLocation.resolve(
            option: "postgresql://traguardo:s%40greto@db.example.it:6432/performance?sslmode=require", environment: [:])
        guard case .postgres(let address) = location else {
            Issue.record("atteso PostgreSQL")
            return
        }
        #expect(address == PostgresAddress(
            host: "db.example.it", port: 6432, username: "traguardo", password: "s@greto", database: "performance",
            tls: .require))
        #expect(location.description == "postgres://traguardo:***@db.example.it:6432/performance")
    }

    @Test(arguments: [
        ("mysql://x@y/z", "sono ammessi"),
        ("postgres://db.example.it/performance", "manca l'utente"),
        ("postgres://u@db/p?sslmode=forse", "sslmode «forse»"),
    ])
    func badAddressesAreExplained(_ text: String, _ expected: String) {
        do {
            _ = try DatabaseLocation.resolve(option: text, environment: [:])
            Issue.record("«\(text)» doveva essere rifiutato")
        } catch {
            #expect(error.description.contains(expected))
        }
    }
}
