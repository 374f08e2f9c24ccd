import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct ApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approva il piano di un Ente-anno con il suo atto: da bozza diventa approvato.",
        discussion: """
            L'atto si scrive come lo cita un documento: tipo, organo, numero (facoltativo) e data, per esempio \
            «Delibera di Consiglio n. 12 del 20/12/2018»; oppure il codice di un atto che il piano ha già. \
            Dopo l'approvazione ogni modifica del piano è una variazione e cita il suo atto \
            («import piano.yaml --atto …», il modulo web). Esempio:
              traguardo approve --entity lucca --year 2019 --atto "Delibera di Consiglio n. 12 del 20/12/2018"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions

    @Option(name: .customLong("atto"), help: ArgumentHelp("L'atto che approva il piano.", valueName: "atto"))
    var act: String

    func run() async throws {
        let scope = try scope.requiredScope()
        let citation = act
        let approving = try await database.withStore { store in
            try await store.approvePlan(scope, act: citation, actor: CommandLineActor.name)
        }
        print("\(scope.entityCode) \(scope.year): piano approvato con \(approving.label).")
    }
}
