import Foundation
import TraguardoCore

/// «Versioni del piano» of an Ente-year: the plan's state (bozza, or approvato with its act), its versions (who,
/// when, what kind, which act), what changed between two of them or against another year, or the history of one
/// element; for the controller and the amministratore the forms that approve the plan and prepare the next year.
public struct PianoVersioniPage: WebPage {
    public static let templateName = "piano-versioni"
    public var title: String
    public var state: String
    public var versions: [VersionRow]
    public var hasVersions: Bool
    public var comparisonTitle: String?
    public var changes: [ChangeRow]
    public var hasChanges: Bool
    public var comparisonError: String?
    public var compareAction: String
    public var from: String
    public var to: String
    public var otherYear: String
    public var element: String
    public var manage: Bool
    /// The plan editor, for those who may change the plan (the approval and the next year are made here, the
    /// elements there).
    public var editorHref: String?
    public var approved: Bool
    /// A draft's indicators with no target for the year (`IndicatorCompletenessCheck`), each linking to its page in the
    /// editor: what to set before approving, after a rollover above all.
    public var targetsToSet: [NavLink]
    public var hasTargetsToSet: Bool
    public var approveAction: String
    public var act: String
    public var actError: String?
    public var rolloverAction: String
    public var nextYear: String
    public var rolloverError: String?
    public var flash: String?

    public struct VersionRow: Sendable {
        public var number: Int
        public var at: String
        public var actor: String
        public var kind: String
        public var act: String
    }

    public struct ChangeRow: Sendable {
        public var version: String
        public var kind: String
        public var element: String
        public var fields: [FieldRow]
    }

    public struct FieldRow: Sendable {
        public var name: String
        public var before: String
        public var after: String
    }

    /// What the page shows below the versions: a comparison, or an element's history.
    public enum Shown: Sendable {
        case comparison(title: String, changes: [PlanChange])
        case history(element: String, entries: [ElementHistoryEntry])
        case failure(String)
        case nothing
    }

    public struct Forms: Sendable {
        public var from = "", to = "", otherYear = "", element = ""
        public var act = "", actError: String?, nextYear: String?, rolloverError: String?, flash: String?
        public init() {}
    }

    public static func make(
        plan: CyclePlan, versions: [PlanVersion], shown: Shown, manage: Bool, forms: Forms, at: (Date) -> String
    ) -> PianoVersioniPage {
        let entity = plan.entity.code, year = plan.cycle.year
        let approving = PlanApproval.approvingAct(of: plan)
        var comparisonTitle: String?
        var rows: [ChangeRow] = []
        var failure: String?
        func row(_ change: PlanChange, version: String) -> ChangeRow {
            ChangeRow(
                version: version, kind: change.kind.rawValue,
                element: change.elementKind.prefix(1).uppercased() + change.elementKind.dropFirst() + " " + change.label,
                fields: change.fields.map { FieldRow(name: $0.name, before: $0.before, after: $0.after) })
        }
        switch shown {
        case .comparison(let title, let changes):
            comparisonTitle = title
            rows = changes.map { row($0, version: "") }
        case .history(let element, let entries):
            comparisonTitle = "Storia dell'elemento «\(element)»"
            rows = entries.map { entry in
                row(entry.change, version: "\(entry.version) – \(at(entry.at)), \(entry.actor)" + (entry.actLabel.map { ", \($0)" } ?? ""))
            }
        case .failure(let message): failure = message
        case .nothing: break
        }
        let targetsToSet = manage && approving == nil
            ? IndicatorCompletenessCheck.indicatorsWithoutTarget(in: plan).map { indicator in
                NavLink(
                    label: "\(indicator.id) «\(indicator.name)»",
                    href: WebRoutes.pianoElemento(ente: entity, anno: year, tipo: PlanEdit.Element.indicator.rawValue, id: indicator.id))
            }
            : []
        return PianoVersioniPage(
            title: "Versioni del piano \(plan.entity.shortName ?? plan.entity.name) \(year)",
            state: PlanApproval.stateLabel(of: plan) + (approving == nil ? "." : ": ogni modifica è una variazione che cita il suo atto."),
            versions: versions.reversed().map { version in
                VersionRow(number: version.number, at: at(version.at), actor: version.actor, kind: version.kind.rawValue, act: version.actLabel ?? "")
            },
            hasVersions: !versions.isEmpty, comparisonTitle: comparisonTitle, changes: rows, hasChanges: !rows.isEmpty,
            comparisonError: failure, compareAction: WebRoutes.pianoVersioni(ente: entity, anno: year),
            from: forms.from, to: forms.to, otherYear: forms.otherYear, element: forms.element,
            manage: manage, editorHref: manage ? WebRoutes.pianoEditor(ente: entity, anno: year) : nil, approved: approving != nil,
            targetsToSet: targetsToSet, hasTargetsToSet: !targetsToSet.isEmpty, approveAction: WebRoutes.pianoApprova(ente: entity, anno: year),
            act: forms.act, actError: forms.actError, rolloverAction: WebRoutes.pianoNuovoAnno(ente: entity, anno: year),
            nextYear: forms.nextYear ?? String(year + 1), rolloverError: forms.rolloverError, flash: forms.flash)
    }
}
