import Foundation
import TraguardoCore

/// Proposte di modifica del piano of an Ente-year: the changes dirigenti proposed to their own area (`PlanProposal`),
/// newest first, each with what it changes, who proposed it, when and why, and its outcome. The controller sees every
/// one, and beside each pending one he did not make himself the forms to accept it (with the act, when the plan is
/// approved) or refuse it with a reason; a dirigente sees his own with the controller's answer.
public struct PlanProposalsPage: WebPage {
    public static let templateName = "piano-proposte"
    public var title: String
    public var adminNav: [NavLink]
    public var editorHref: String
    public var errorLinks: [PlanEditorPage.ErrorLink]
    public var hasErrors: Bool
    public var proposals: [Entry]
    public var hasProposals: Bool

    public struct Entry: Sendable {
        public var number: Int
        public var heading: String
        public var status: String
        public var pending: Bool
        public var details: [PlanEditorPage.Detail]
        public var fields: [PlanEditorPage.Detail]
        public var hasFields: Bool
        public var forms: [PlanEditorPage.EditorForm]
    }

    /// - Parameters:
    ///   - decider: the user who may decide (the controller), nil for a dirigente: no forms.
    ///   - failed: the proposal and form (`accetta`/`rifiuta`) refused, with what was typed and the errors.
    public static func make(
        plan: CyclePlan, proposals: [PlanProposal], decider: String?, role: UserRole, scope: WebScope?,
        failed: (proposal: Int, form: String)? = nil, typed: [String: String] = [:], errors: [String: String] = [:]
    ) -> PlanProposalsPage {
        typealias F = FormFields.Proposta
        let entity = plan.entity.code, year = plan.cycle.year
        let action = WebRoutes.pianoPropostaDecisione(ente: entity, anno: year)
        let approved = PlanApproval.state(of: plan) == .approved
        let entries = proposals.map { proposal -> Entry in
            var details = [
                PlanEditorPage.Detail(label: "Proposta da", value: proposal.proposedBy),
                PlanEditorPage.Detail(label: "Il", value: ItalianFormatting.dateTime(proposal.proposedAt)),
                PlanEditorPage.Detail(label: "Area", value: plan.unit(named: proposal.unitID)?.name ?? proposal.unitID),
                PlanEditorPage.Detail(label: "Elemento", value: "\(proposal.edit.element.label) \(proposal.edit.id ?? "(nuovo)")"),
                PlanEditorPage.Detail(label: "Impronta del piano", value: proposal.fingerprint),
            ]
            if let note = proposal.note { details.append(.init(label: "Nota", value: note)) }
            if let by = proposal.decidedBy {
                details.append(.init(label: proposal.status == .accepted ? "Accettata da" : "Rifiutata da", value: by))
            }
            if let at = proposal.decidedAt { details.append(.init(label: "Decisa il", value: ItalianFormatting.dateTime(at))) }
            if let reason = proposal.reason { details.append(.init(label: "Motivo del rifiuto", value: reason)) }
            var forms: [PlanEditorPage.EditorForm] = []
            if let decider, PlanProposalRule.mayDecide(proposal, by: decider) == nil {
                func form(_ id: String, _ heading: String, _ decision: String, _ fieldKey: String?, _ label: String, _ help: String, button: String,
                          danger: Bool) -> PlanEditorPage.EditorForm
                {
                    let formID = "\(id)-\(proposal.id)"
                    let isFailed = failed?.proposal == proposal.id && failed?.form == id
                    let fieldErrors = isFailed ? errors : [:]
                    let controls = fieldKey.map { key in
                        [PlanEditorPage.Control(field: AdminField.make(
                            key, label, isFailed ? typed[key] ?? "" : "", errors: fieldErrors, help: help, prefix: formID))]
                    } ?? []
                    let notes = fieldErrors.filter { $0.key != fieldKey }.sorted { $0.key < $1.key }.map {
                        PlanEditorPage.Note(id: "\(formID)-\($0.key)", text: $0.value)
                    }
                    return PlanEditorPage.EditorForm(
                        id: formID, heading: heading, action: action,
                        hidden: [.init(name: F.proposal, value: String(proposal.id)), .init(name: F.decision, value: decision)],
                        notes: notes, controls: controls, button: button, danger: danger, failed: isFailed, open: isFailed || id == "accetta")
                }
                forms = [
                    form("accetta", "Accetta la proposta", F.accept, approved ? F.act : nil, "Atto della variazione",
                         "Il piano è approvato: l'atto che approva la modifica, per esempio «\(ActCitationError.example)», o il codice di un atto del piano.",
                         button: "Accetta e applica al piano", danger: false),
                    form("rifiuta", "Rifiuta la proposta", F.refuse, F.reason, "Motivo del rifiuto",
                         "Chi ha proposto leggerà il motivo.", button: "Rifiuta la proposta", danger: true),
                ]
            }
            let fields = proposal.edit.fields.sorted { $0.key < $1.key }.map { PlanEditorPage.Detail(label: $0.key, value: $0.value) }
            return Entry(
                number: proposal.id, heading: "Proposta n. \(proposal.id): \(proposal.summary)", status: proposal.status.label,
                pending: proposal.status == .pending, details: details, fields: fields, hasFields: !fields.isEmpty, forms: forms)
        }
        let name = plan.entity.shortName ?? plan.entity.name
        let formPrefix = failed.map { "\($0.form)-\($0.proposal)" } ?? ""
        return PlanProposalsPage(
            title: "Proposte di modifica del piano \(name) \(year)", adminNav: AdminNavigation.links(role: role, current: .piano, scope: scope),
            editorHref: WebRoutes.pianoEditor(ente: entity, anno: year),
            errorLinks: errors.sorted { $0.key < $1.key }.map { PlanEditorPage.ErrorLink(href: "#\(formPrefix)-\($0.key)", text: $0.value) },
            hasErrors: !errors.isEmpty, proposals: entries, hasProposals: !entries.isEmpty)
    }
}
