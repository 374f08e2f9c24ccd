import ArgumentParser
import Foundation
import TraguardoServer
import TraguardoStore
import TraguardoCore

#if canImport(Glibc)
    import Glibc
#endif

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Gli utenti del server web: aggiungerli ed elencarli; creare, elencare e revocare i loro token per le API.",
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

        @Option(name: .long, help: ArgumentHelp(
            "L'Ente a cui l'utente è limitato (predefinito: tutti); obbligatorio per dirigente e responsabile-ufficio.", valueName: "codice"))
        var entity: String?

        @Option(name: .long, help: ArgumentHelp(
            "L'ufficio (responsabile d'ufficio) o l'area (dirigente): codice di un'unità dell'Ente di --entity.", valueName: "codice"))
        var unit: String?

        @Flag(name: .long, help: "Legge la password dalla prima riga dello standard input.")
        var passwordStdin = false

        func validate() throws {
            guard UserRules.isValidUsername(username) else { throw ValidationError(UserRules.usernameRule) }
        }

        func run() async throws {
            try await database.withStore { store in
                // The same check as the web forms: the role, the Ente, and a unit of that Ente for an office or an area.
                let directory = try await store.userProfileDirectory(entity: entity ?? "", unit: unit ?? "")
                let (profile, errors) = UserProfileRule.check(
                    roleText: role, entity: entity ?? "", unit: unit ?? "", directory: directory)
                guard let profile else {
                    throw CommandFailure(message: UserProfileRule.Field.allCases.compactMap { field in
                        errors[field].map { "--\(field.rawValue): \($0)" }
                    }.joined(separator: "\n"))
                }
                let password = try readPassword()
                guard password.count >= UserRules.minimumPasswordLength else { throw CommandFailure(message: UserRules.passwordRule) }
                let hash = await PasswordHashing.hash(password, cost: 12)
                try await store.addUser(
                    UserAccount(
                        username: username, displayName: name ?? username, role: profile.role.rawValue, entityCode: profile.entityCode,
                        unitCode: profile.unitCode),
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
                let officeWithoutEntity = user.userRole?.hasOwnUnit == true && user.entityCode == nil
                print("\(user.username)\t\(user.role)\t\(user.displayName)\(scope.isEmpty ? "" : "\t\(scope)")\(user.active ? "" : "\t(disattivato)")"
                    + (officeWithoutEntity ? "\t(senza Ente: nessun diritto di inserire rilevazioni finché non si sceglie l'Ente)" : ""))
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token",
            abstract: "Crea un token per le API (/api/v1) dell'utente e lo stampa, una volta sola; oppure elenca o revoca i suoi token.",
            discussion: """
                Un token nuovo è di sola lettura e scade dopo \(APIToken.defaultLifetimeDays) giorni: --write gli permette di \
                inserire rilevazioni, --days ne cambia la durata (da 1 a \(APIToken.maximumLifetimeDays) giorni). I token di un \
                utente finiscono anche quando gli si cambia la password o lo si disattiva.
                  traguardo user token ufficio.prog --label script-notturno --write
                  traguardo user token ufficio.prog --list
                  traguardo user token ufficio.prog --revoke 3f9a0c1d2e4b
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: ArgumentHelp("Nome utente.", valueName: "utente"))
        var username: String

        @Option(name: .long, help: ArgumentHelp("A che cosa serve il token.", valueName: "testo"))
        var label = "token"

        @Flag(name: .long, help: "Il token può anche inserire rilevazioni (predefinito: sola lettura).")
        var write = false

        @Option(name: .long, help: ArgumentHelp(
            "Giorni di validità, da 1 a \(APIToken.maximumLifetimeDays).", valueName: "giorni"))
        var days = APIToken.defaultLifetimeDays

        @Flag(name: .long, help: "Elenca i token dell'utente (codice, etichetta, permessi, scadenza, ultimo uso) invece di crearne uno.")
        var list = false

        @Option(name: .long, help: ArgumentHelp("Revoca il token dell'utente con questo codice (quello di --list).", valueName: "codice"))
        var revoke: String?

        @Flag(name: .long, help: "Revoca tutti i token dell'utente.")
        var revokeAll = false

        func validate() throws {
            guard [list, revoke != nil, revokeAll].filter({ $0 }).count <= 1 else {
                throw ValidationError("indicare una sola fra --list, --revoke e --revoke-all")
            }
            guard (1...APIToken.maximumLifetimeDays).contains(days) else {
                throw ValidationError("--days \(days) non valido: atteso un numero di giorni da 1 a \(APIToken.maximumLifetimeDays)")
            }
        }

        func run() async throws {
            try await database.withStore { store in
                guard try await store.user(username) != nil else { throw CommandFailure(message: "nessun utente «\(username)»") }
                if list {
                    try await printTokens(store)
                } else if let revoke {
                    guard try await store.revokeAPIToken(code: revoke, of: username, actor: CommandLineActor.name) else {
                        throw CommandFailure(message: "nessun token «\(revoke)» dell'utente «\(username)»: i codici li elenca --list")
                    }
                    print("Token «\(revoke)» di «\(username)» revocato.")
                } else if revokeAll {
                    let count = try await store.revokeAPITokens(of: username, actor: CommandLineActor.name)
                    print(count == 0 ? "«\(username)» non aveva token." : "Revocati \(count) token di «\(username)».")
                } else {
                    let token = SecretToken.make()
                    let now = Date()
                    let stored = APIToken(
                        tokenHash: SecretToken.hash(token), username: username, label: label, scope: write ? .write : .read, createdAt: now,
                        expiresAt: now.addingTimeInterval(TimeInterval(days) * 86_400))
                    try await store.addAPIToken(
                        tokenHash: stored.tokenHash, username: username, label: label, scope: stored.scope, at: now,
                        expiresAt: stored.expiresAt, actor: CommandLineActor.name)
                    // The token alone on standard output (a script reads it); what it is, on standard error.
                    print(token)
                    FileHandle.standardError.write(Data((
                        "Token di «\(username)», \(stored.scope.label), valido fino al \(ItalianFormatting.dateTime(stored.expiresAt)); "
                            + "codice \(stored.code) (per --revoke).\n").utf8))
                }
            }
        }

        private func printTokens(_ store: Store) async throws {
            let tokens = try await store.apiTokens(of: username)
            if tokens.isEmpty { print("«\(username)» non ha token.") }
            let now = Date()
            for token in tokens {
                let expiry = (token.hasExpired(at: now) ? "scaduto il " : "scade il ") + ItalianFormatting.dateTime(token.expiresAt)
                let lastUse = token.lastUsedAt.map { "ultimo uso \(ItalianFormatting.dateTime($0))" } ?? "mai usato"
                print("\(token.code)\t\(token.label)\t\(token.scope.label)\tcreato il \(ItalianFormatting.dateTime(token.createdAt))\t\(expiry)\t\(lastUse)")
            }
        }
    }
}
