import ArgumentParser
import Foundation
import TraguardoServer
import TraguardoStore
import enum TraguardoWeb.UserRules

#if canImport(Glibc)
    import Glibc
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Gli utenti del server web: aggiungere, elencare, creare un token per le API.",
        subcommands: [Add.self, List.self, Token.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Aggiunge un utente (la password si legge da --password-stdin o si chiede).")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("Nome utente (minuscole, cifre, . - _).", valueName: "utente"))
        var username: String

        @Option(name: .long, help: ArgumentHelp("Ruolo: \(UserRules.roleCodes.joined(separator: ", ")).", valueName: "ruolo"))
        var role: String

        @Option(name: .long, help: ArgumentHelp("Nome mostrato (predefinito: il nome utente).", valueName: "nome"))
        var name: String?

        @Option(name: .long, help: ArgumentHelp("L'Ente a cui l'utente è limitato (predefinito: tutti).", valueName: "codice"))
        var entity: String?

        @Option(name: .long, help: ArgumentHelp("L'ufficio (responsabile d'ufficio) o l'area (dirigente): codice dell'unità.", valueName: "codice"))
        var unit: String?

        @Flag(name: .long, help: "Legge la password dalla prima riga dello standard input.")
        var passwordStdin = false

        func validate() throws {
            guard UserRules.isValidUsername(username) else { throw ValidationError(UserRules.usernameRule) }
            guard UserRules.roleCodes.contains(role) else {
                throw ValidationError("ruolo «\(role)» sconosciuto: \(UserRules.roleCodes.joined(separator: ", "))")
            }
            if ["dirigente", "responsabile-ufficio"].contains(role), unit == nil {
                throw ValidationError("per il ruolo «\(role)» indicare l'unità con --unit")
            }
        }

        func run() async throws {
            let password = try readPassword()
            guard password.count >= UserRules.minimumPasswordLength else { throw CommandFailure(message: UserRules.passwordRule) }
            let hash = await PasswordHashing.hash(password, cost: 12)
            try await database.withStore { store in
                try await store.addUser(
                    UserAccount(username: username, displayName: name ?? username, role: role, entityCode: entity, unitCode: unit),
                    passwordHash: hash, actor: CommandLineActor.name)
            }
            print("Utente «\(username)» aggiunto con il ruolo «\(role)».")
        }

        private func readPassword() throws -> String {
            if passwordStdin {
                guard let line = readLine(strippingNewline: true) else { throw CommandFailure(message: "nessuna password sullo standard input") }
                return line
            }
            guard let first = getpass("Password: ").map({ String(cString: $0) }),
                  let second = getpass("Ripetere la password: ").map({ String(cString: $0) }) else {
                throw CommandFailure(message: "password non letta")
            }
            guard first == second else { throw CommandFailure(message: "le due password non coincidono") }
            return first
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Elenca gli utenti.")

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let users = try await database.withStore { store in try await store.users() }
            if users.isEmpty { print("Nessun utente; aggiungere il primo con «traguardo user add NOME --role amministratore».") }
            for user in users {
                let scope = [user.entityCode.map { "Ente \($0)" }, user.unitCode.map { "unità \($0)" }].compactMap { $0 }.joined(separator: ", ")
                print("\(user.username)\t\(user.role)\t\(user.displayName)\(scope.isEmpty ? "" : "\t\(scope)")\(user.active ? "" : "\t(disattivato)")")
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token", abstract: "Crea un token per le API (/api/v1) dell'utente e lo stampa, una volta sola.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("Nome utente.", valueName: "utente"))
        var username: String

        @Option(name: .long, help: ArgumentHelp("A che cosa serve il token.", valueName: "testo"))
        var label = "token"

        func run() async throws {
            let token = SecretToken.make()
            try await database.withStore { store in
                try await store.addAPIToken(
                    tokenHash: SecretToken.hash(token), username: username, label: label, at: Date(), actor: CommandLineActor.name)
            }
            print(token)
        }
    }
}
