import ArgumentParser
import Foundation
import TraguardoCore
import TraguardoStore

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Mostra che cosa è cambiato fra due versioni del piano di un Ente-anno, o fra due anni.",
        discussion: """
            Ogni salvataggio che cambia il piano ne registra una versione (bozza, approvazione, variazione con il suo \
            atto). --from e --to nominano una versione col suo numero (3 o v3) o con una data (l'ultima versione \
            salvata entro quel giorno); senza --from si confronta la penultima versione, senza --to l'ultima. \
            --other-year confronta invece il piano di un altro anno con quello di --year (gli elementi con lo stesso \
            codice sono lo stesso elemento: un obiettivo pluriennale); --element limita a un elemento e a ciò che \
            gli sta sotto. Esempi:
              traguardo diff --entity lucca --year 2018 --from 1 --to 3
              traguardo diff --entity lucca --year 2019 --other-year 2018 --element 2C
            Con --snapshot confronta invece due versioni dell'istantanea del periodo chiuso --period (--from e --to \
            sono numeri di versione; senza, le ultime due), come «traguardo snapshot diff»:
              traguardo diff --snapshot --entity lucca --year 2018 --period ANNO
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Versione di partenza: numero o data.", valueName: "versione"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Versione di arrivo: numero o data.", valueName: "versione"))
    var to: String?

    @Option(name: .customLong("other-year"), help: ArgumentHelp("Confronta con il piano di quest'altro anno.", valueName: "aaaa"))
    var otherYear: Int?

    @Option(name: .long, help: ArgumentHelp("Solo questo elemento (codice o identificativo) e ciò che gli sta sotto.", valueName: "codice"))
    var element: String?

    @Flag(name: .long, help: "Confronta due versioni dell'istantanea del periodo chiuso --period.")
    var snapshot = false

    func run() async throws {
        if snapshot {
            func version(_ text: String?, _ option: String) throws -> Int? {
                guard let text else { return nil }
                guard let number = Int(text.hasPrefix("v") ? String(text.dropFirst()) : text), number > 0 else {
                    throw CommandFailure(message: "--\(option) «\(text)»: con --snapshot serve il numero di una versione dell'istantanea (1, 2, …)")
                }
                return number
            }
            let older = try version(from, "from"), newer = try version(to, "to")
            let comparison = try await database.withStore { store in
                try await SnapshotCommand.comparison(in: store, scope: self.scope, from: older, to: newer)
            }
            try OutputWriter.write(comparison.text + "\n", to: output.output)
            return
        }
        let asJSON = try OutputWriter.textOrJSON(output.format, command: "diff")
        let scope = try scope.requiredScope()
        let comparison = try await database.withStore { store in
            try await PlanComparisonRequest(scope: scope, from: from, to: to, otherYear: otherYear).compare(in: store)
        }
        var changes = comparison.changes
        if let element { changes = changes.filter { $0.elementID == element || $0.nodeID == element || $0.label.hasPrefix(element + " ") } }
        if asJSON {
            try OutputWriter.write(try OutputWriter.json(DiffJSON(title: comparison.title, changes: changes)), to: output.output)
        } else {
            try OutputWriter.write(Self.text(title: comparison.title, changes), to: output.output)
        }
    }

    static func text(title: String, _ changes: [PlanChange]) -> String {
        var lines = [title]
        if changes.isEmpty {
            lines.append("Nessuna differenza.")
        } else {
            lines.append("\(changes.count) \(changes.count == 1 ? "elemento cambiato" : "elementi cambiati"):")
            for change in changes {
                let mark = switch change.kind {
                case .added: "+"
                case .removed: "-"
                case .changed: "~"
                }
                let kind = change.elementKind.prefix(1).uppercased() + change.elementKind.dropFirst()
                lines.append("\(mark) \(kind) \(change.label): \(change.kind.rawValue)")
                for field in change.fields { lines.append("    \(field.name): «\(field.before)» → «\(field.after)»") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `traguardo diff --format json`.
struct DiffJSON: Encodable {
    struct Change: Encodable {
        var tipo: String
        var elemento: String
        var id: String
        var etichetta: String
        var nodo: String?
        var campi: [Field]
    }

    struct Field: Encodable {
        var campo: String
        var prima: String
        var dopo: String
    }

    var confronto: String
    var modifiche: [Change]

    init(title: String, changes: [PlanChange]) {
        confronto = title
        modifiche = changes.map { change in
            Change(tipo: change.kind.rawValue, elemento: change.elementKind, id: change.elementID, etichetta: change.label,
                   nodo: change.nodeID, campi: change.fields.map { Field(campo: $0.name, prima: $0.before, dopo: $0.after) })
        }
    }
}
