import Foundation
import Testing
import TraguardoTestSupport

@Suite("Riga di comando: serve")
struct ServeCommandTests {
    @Test func theTrustedProxyIsAnIPAddressAndTheHelpSaysWhatItDoes() async throws {
        let help = try await CommandLineRunner.run(["serve", "--help"])
        #expect(help.output.contains("--trusted-proxy <indirizzo>"), "\(help)")
        #expect(help.output.contains("X-Forwarded-For"))
        // A name is refused before the server starts (a DNS name could change under it).
        let named = try await CommandLineRunner.run(["serve", "--trusted-proxy", "proxy.example", "--database", "/nonexistent/x.sqlite"])
        #expect(named.status != 0)
        #expect(named.errors.contains("--trusted-proxy «proxy.example»: serve un indirizzo IP"), "\(named)")
    }

    @Test func theTimeoutsAreSecondsOfAtLeastOneAndTheHelpSaysWhatTheyDo() async throws {
        let help = try await CommandLineRunner.run(["serve", "--help"])
        #expect(help.output.contains("--idle-timeout <secondi>"), "\(help)")
        #expect(help.output.contains("--body-timeout <secondi>"), "\(help)")
        #expect(help.output.contains("408"))
        for option in ["--idle-timeout", "--body-timeout"] {
            let zero = try await CommandLineRunner.run(["serve", option, "0", "--database", "/nonexistent/x.sqlite"])
            #expect(zero.status != 0)
            #expect(zero.errors.contains("\(option) deve essere almeno 1 secondo (trovato 0)"), "\(zero)")
        }
    }
}
