import Foundation
import TraguardoCore

/// Builds Ente-years from the files of one read: merges the files of the same Ente and year,
/// turns codes into ids, and checks at the end that every code a file names exists.
///
/// Ids, unique within an Ente-year: units, people, nodes, objectives, acts, services and
/// procedures use their code; a period `ENTE/ANNO/CODICE`; an indicator `PADRE/CODICE` (PADRE the
/// code of its node or objective); an item `INDICATORE/CODICE`; a measurement `ITEM@PERIODO`;
/// the other records their owner's id and their position.
final class PlanBuilder {
    /// A code a record names, checked once every file is read.
    struct Reference {
        typealias Kind = PlanIntegrity.Kind

        var kind: Kind
        var code: String
        var file: String
        var line: Int?
        var field: String
    }

    final class Draft {
        var plan: CyclePlan
        var named = false
        var references: [Reference] = []
        var firstFile: String
        /// The ids of each kind of record seen so far, and how many records of the list they cover: a new id is
        /// checked against a set, not against a list built again for every record (40.000 items were quadratic).
        private var ids: [ObjectIdentifier: KnownIDs] = [:]

        /// The ids of one kind, in a class so that adding one never copies the set.
        final class KnownIDs {
            var covered = 0
            var ids = Set<String>()
        }

        /// Whether `id` is already the id of a record of `list` (the draft's list of that kind).
        func contains<R: Identifiable>(_ id: String, in list: [R]) -> Bool where R.ID == String {
            let kind = ObjectIdentifier(R.self)
            let known = ids[kind] ?? KnownIDs()
            ids[kind] = known
            if known.covered > list.count { known.covered = 0; known.ids = [] }
            for record in list[known.covered...] { known.ids.insert(record.id) }
            known.covered = list.count
            return known.ids.contains(id)
        }

        init(plan: CyclePlan, file: String) {
            self.plan = plan
            firstFile = file
        }
    }

    let diagnostics: Diagnostics
    private var drafts: [String: Draft] = [:]
    private var order: [String] = []

    init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }

    /// One file.
    func add(_ root: FileObject) {
        let format = root.string(K.format)
        if format == nil {
            root.error(K.format, "manca «formato: \(PlanFileReader.formatName)» in testa al file")
        } else if format != PlanFileReader.formatName {
            root.error(K.format, "formato «\(format!)» non previsto; atteso \(PlanFileReader.formatName)")
        }
        guard let entity = root.object(K.entity) else {
            root.error(K.entity, "manca «ente: {codice: ...}»: di quale Ente è il file")
            return
        }
        guard let code = entity.requiredString(K.code, what: "il codice dell'Ente"), let year = root.int(K.year) else {
            if !root.has(K.year) { root.error(K.year, "manca l'anno del ciclo («anno: 2018»)") }
            entity.finish()
            return
        }
        let key = "\(code)/\(year)"
        let draft: Draft
        if let known = drafts[key] {
            draft = known
        } else {
            draft = Draft(plan: CyclePlan(entity: Entity(code: code, name: code), cycle: Cycle(entityCode: code, year: year)), file: root.file)
            drafts[key] = draft
            order.append(key)
        }
        readEntity(entity, into: draft)
        entity.finish()
        readCycle(root, into: draft)
        readOrganisation(root, into: draft)
        readTree(root, into: draft)
        readObjectives(root, into: draft)
        readServices(root, into: draft)
        readNarrativeData(root, into: draft)
        readActs(root, into: draft)
        readMethodology(root, into: draft)
    }

    /// The Ente-years, in the order their first file came, each checked for dangling codes.
    func finish() -> [CyclePlan] {
        order.compactMap { key in
            let draft = drafts[key]!
            if !draft.named {
                diagnostics.add(PlanFileError(
                    file: draft.firstFile, line: nil, field: "ente.nome",
                    message: "nessun file di \(draft.plan.entity.code) \(draft.plan.cycle.year) dà il nome dell'Ente («ente: {codice: ..., nome: ...}»)"))
            }
            check(draft)
            checkCycles(draft)
            return draft.plan
        }
    }

    /// Every code a record names must name an element of the Ente-year: the core's rule (`PlanIntegrity`).
    private func check(_ draft: Draft) {
        let plan = draft.plan
        var known: [Reference.Kind: Set<String>] = [:]
        for reference in draft.references {
            let codes = known[reference.kind] ?? PlanIntegrity.known(reference.kind, in: plan)
            known[reference.kind] = codes
            if let message = PlanIntegrity.unknown(reference.kind, reference.code, in: plan, known: codes) {
                diagnostics.add(PlanFileError(file: reference.file, line: reference.line, field: reference.field, message: message))
            }
        }
    }

    /// Reads a code the record names and remembers to check it.
    func reference(_ object: FileObject, _ key: String, _ kind: Reference.Kind, in draft: Draft) -> String? {
        guard let code = object.string(key) else { return nil }
        draft.references.append(Reference(kind: kind, code: code, file: object.file, line: object.line, field: object.field(key)))
        return code
    }

    func references(_ object: FileObject, _ key: String, _ kind: Reference.Kind, in draft: Draft) -> [String] {
        let codes = object.strings(key)
        for code in codes {
            draft.references.append(Reference(kind: kind, code: code, file: object.file, line: object.line, field: object.field(key)))
        }
        return codes
    }

    /// A record's code, which must be there.
    func code(_ object: FileObject, what: String) -> String? {
        object.requiredString(K.code, what: "il codice \(what)")
    }

    /// Reports a code used twice where it must be unique.
    func unique<R: Identifiable>(_ id: String, among existing: [R], in draft: Draft, object: FileObject, what: String) -> Bool
        where R.ID == String
    {
        if draft.contains(id, in: existing) {
            object.error(K.code, PlanIntegrity.duplicate(id, what: what))
            return false
        }
        return true
    }
}
