import Foundation
import TraguardoCore

/// The «Relazione Previsionale e Programmatica» of an Ente-year (seed 003). For an Ente made by a merger
/// (Toscana Nord-Ovest 2022) it is the union of the RPP of the Enti it was made from: a cover with the
/// approving act and the preface, then each original Ente's part in its own layout. For any other Ente, that
/// Ente's part alone.
///
/// A part's layout follows what its plan holds (`RPPTemplate`): Lucca's «schede progetto», Massa-Carrara's
/// albero della performance with coded indicators, Pisa's priorità and programmi. Every amount is the core's:
/// `BudgetTotals.resources`/`.accounts` for totals, `AccountFigures` for the subtotals of an Ente's accounts,
/// the line itself for a line.
public enum RPPBuilder {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var description: String
    }

    /// - Parameters:
    ///   - plans: the plans read (`PlanFileReader.read`, the store): the Ente's, and for a merged Ente those of
    ///     every Ente it was made from, for the same year.
    ///   - entity: the Ente's code (`toscana-nord-ovest`, `lucca`).
    ///   - year: the year; nil when the plans hold a single year of that Ente.
    ///   - source: what the plans were read from, for the line saying what the document was made from.
    public static func build(
        plans: [CyclePlan], entity: String, year: Int? = nil, source: String? = nil
    ) throws(Failure) -> Document {
        let own = plans.filter { $0.entity.code == entity && (year == nil || $0.cycle.year == year) }
        guard !own.isEmpty else {
            throw Failure(description: "Nessun piano di «\(entity)»\(year.map { " per il \($0)" } ?? "") fra quelli letti.")
        }
        guard own.count == 1, let plan = own.first else {
            let years = own.map { String($0.cycle.year) }.sorted().joined(separator: ", ")
            throw Failure(description: "«\(entity)» ha piani per più anni (\(years)): indicare l'anno.")
        }
        return try build(plan: plan, among: plans, source: source)
    }

    /// The RPP of one plan; `among` holds the plans of the Enti it was made from when it is a merged Ente.
    public static func build(plan: CyclePlan, among plans: [CyclePlan] = [], source: String? = nil) throws(Failure) -> Document {
        let year = plan.cycle.year
        let componentCodes = plan.cycle.componentEntityCodes.isEmpty ? plan.entity.mergedFrom : plan.cycle.componentEntityCodes
        var blocks: [DocumentBlock] = []
        var parts: [CyclePlan] = []
        if componentCodes.isEmpty {
            blocks += RPPPart.blocks(for: plan, headingLevel: 1)
            parts = [plan]
        } else {
            for code in componentCodes {
                guard let part = plans.first(where: { $0.entity.code == code && $0.cycle.year == year }) else {
                    throw Failure(description: "Manca il piano \(year) di «\(code)»: la RPP di «\(plan.entity.code)» è "
                        + "l'unione dei piani \(year) di \(componentCodes.map { "«\($0)»" }.joined(separator: ", ")).")
                }
                parts.append(part)
            }
            blocks += RPPCover.blocks(for: plan, parts: parts)
            for (number, part) in parts.enumerated() {
                blocks.append(.pageBreak)
                blocks.append(.heading(level: 1, text: "Parte \(RPPCover.roman(number + 1)) – \(RPPCover.partTitle(part))"))
                blocks += RPPCover.approval(of: part)
                blocks += RPPPart.blocks(for: part, headingLevel: 2)
            }
            blocks += RPPConsolidatedBudget.blocks(for: plan, parts: parts)
        }
        let from = source.map { " (\($0))" } ?? ""
        let phases = parts.map { "\(RPPCover.shortName($0)): fase \(PlanIndex($0).budgetPhase.rawValue)" }.joined(separator: "; ")
        let planList = ([plan] + (parts == [plan] ? [] : parts)).map(\.entity.code).joined(separator: ", ")
        var document = Document(
            title: "Relazione Previsionale e Programmatica \(year)",
            subtitle: componentCodes.isEmpty ? nil
                : "Unione delle Relazioni \(year) di " + RPPCover.list(parts.map(RPPCover.shortName)),
            entityName: plan.entity.name, entityCode: plan.entity.code, year: year,
            methodologyName: "", generatedFrom: "Prodotto da Traguardo con i piani \(year) di \(planList)\(from); "
                + "importi ricalcolati dal motore dalle risorse e dalle righe di conto (\(phases)).",
            blocks: blocks)
        document.printedFrom = "Prodotto da Traguardo con i piani \(year) di \(planList); "
            + "importi ricalcolati dal motore dalle risorse e dalle righe di conto (\(phases))."
        return document
    }
}

/// The layouts of the three original RPP of Toscana Nord-Ovest, chosen by what the plan holds.
enum RPPTemplate: Equatable {
    /// Lucca: areas, strategic objectives with budget and «target strategici», «schede progetto» with
    /// azioni complesse and budget lines by account.
    case projectSheets
    /// Pisa: priorities (linee strategiche) and programmes with their resources.
    case programmes
    /// Massa-Carrara: areas and strategic objectives with missione/programma, BSC perspective, resources and
    /// coded indicators with multi-year targets.
    case performanceTree

    init(_ plan: CyclePlan) {
        if plan.nodes.contains(where: { $0.kind == .project }) {
            self = .projectSheets
        } else if plan.nodes.contains(where: { $0.kind == .programme || $0.kind == .priority }) {
            self = .programmes
        } else {
            self = .performanceTree
        }
    }
}

/// One Ente's part of the RPP, in its layout, its headings starting at `headingLevel`.
enum RPPPart {
    static func blocks(for plan: CyclePlan, headingLevel: Int) -> [DocumentBlock] {
        let input = RPPLayoutInput(plan: plan, level: headingLevel)
        var blocks: [DocumentBlock]
        switch RPPTemplate(plan) {
        case .projectSheets: blocks = RPPProjectSheets(input: input).blocks()
        case .programmes: blocks = RPPProgrammes(input: input).blocks()
        case .performanceTree: blocks = RPPPerformanceTree(input: input).blocks()
        }
        blocks += EnteObjectivesTable.blocks(for: plan, level: headingLevel)
        blocks += EnteAccountsTables.blocks(for: plan, level: headingLevel)
        return blocks
    }
}
