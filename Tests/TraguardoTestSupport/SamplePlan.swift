import Foundation
import TraguardoCore

/// A small Ente-year with at least one record of every kind the model has, with the values that
/// are hardest to keep exactly (money with cents, long decimals, dates, Italian text, nil fields).
public enum SamplePlan {
    public static let entityCode = "lucca"
    public static let year = 2013

    public static func make(entityCode: String = entityCode, year: Int = year) -> CyclePlan {
        let e = entityCode
        let source = Provenance(source: "seeds/001_085c85124fd8c90e.txt", lines: "1080-1084")
        var plan = CyclePlan(
            entity: Entity(code: e, name: "Camera di Commercio di Lucca", shortName: "CCIAA Lucca",
                           fiscalCode: "80000410468", establishedOn: CivilDate(year: 1862, month: 1, day: 1)),
            cycle: Cycle(entityCode: e, year: year, horizonFrom: year, horizonTo: year + 2))
        plan.units = [
            OrganisationalUnit(id: "SG", entityCode: e, code: "SG", name: "Segreteria Generale", kind: .segreteriaGenerale),
            OrganisationalUnit(id: "RI", entityCode: e, parentID: "SG", code: "RI", name: "Registro delle imprese", kind: .ufficio),
        ]
        plan.people = [Person(id: "sg", entityCode: e, name: "Roberto Camisi", title: "Segretario Generale", email: "sg@example.it")]
        plan.roles = [RoleAssignment(id: "sg-sg", personID: "sg", unitID: "SG", role: .segretarioGenerale, fromYear: year)]
        plan.periods = MonitoringPeriod.standard(.septemberAndYearEnd, entityCode: e, year: year)
        plan.levels = [PlanLevel(id: "L1", entityCode: e, year: year, depth: 1, kind: .strategicArea, label: "Area strategica",
                                 codePattern: "[A-I]", codeExample: "G")]
        plan.acts = [Act(id: "giunta-12-2013", entityCode: e, organ: "Giunta camerale", kind: .delibera, number: "12",
                         date: CivilDate(year: year, month: 1, day: 28), subject: "Approvazione del Piano della performance")]
        plan.nodes = [
            PlanNode(id: "G", entityCode: e, year: year, kind: .strategicArea, code: "G", title: "Comunicazione e trasparenza",
                     ownerUnitID: "SG", ownerPersonID: "sg", provenance: source),
            PlanNode(id: "G1", entityCode: e, year: year, parentID: "G", kind: .strategicObjective, code: "G1",
                     title: "Migliorare la comunicazione", missionCode: "032", programmeCode: "004", weight: Decimal(string: "0.5"),
                     sortOrder: 1, declared: DeclaredResult(score: Decimal(string: "98.84"), text: "RAGGIUNTO")),
        ]
        plan.objectives = [Objective(id: "OB1", entityCode: e, year: year, kind: .individual, code: "OB1",
                                     title: "Obiettivo del Segretario Generale", managerPersonID: "sg", unitID: "SG",
                                     assignedByActID: "giunta-12-2013", weight: 30,
                                     declared: DeclaredResult(score: Decimal(string: "68.49"), points: 50))]
        plan.objectiveLinks = [ObjectiveLink(id: "OB1>G1", objectiveID: "OB1", nodeID: "G1")]
        plan.indicators = [Indicator(id: "G1/I1", entityCode: e, year: year, nodeID: "G1", code: "I1",
                                     name: "Tempo medio di evasione delle pratiche", type: .efficienza, rule: .lowerIsBetter,
                                     comparator: .atMost, polarity: .decreasing, unit: "giorni", source: "Priamo",
                                     frequency: .quarterly, baselineValue: Decimal(string: "4.2"), baselineYear: year - 1,
                                     ownerUnitID: "RI")]
        plan.targets = [Target(id: "G1/I1/\(year)", indicatorID: "G1/I1", year: year, comparator: .atMost, value: 5)]
        plan.items = [MeasuredItem(id: "G1/I1/a", indicatorID: "G1/I1", code: "a", description: "Pratiche telematiche",
                                   comparator: .atMost, targetValue: 5, unit: "giorni", responsibleUnitID: "RI")]
        plan.measurements = [Measurement(id: "G1/I1/a@ANNO", itemID: "G1/I1/a", periodID: plan.periods.last!.id,
                                         value: Decimal(string: "4.0625"), text: "4,06 gg", narrative: "Obiettivo raggiunto.",
                                         evidence: ["protocollo 1234/2014"], author: "RI",
                                         recordedAt: Date(timeIntervalSince1970: 1_389_000_000.123))]
        plan.resources = [Resource(id: "G/oneri/preventivo", nodeID: "G", year: year, kind: .oneri, phase: .preventivo,
                                   amount: Decimal(string: "1418965.00")!, note: "budget iniziale")]
        plan.accountLines = [AccountLine(id: "G/330000", entityCode: e, year: year, nodeID: "G", code: "330000",
                                         description: "Interventi economici", nature: .costoEsterno, column: .istituzionale,
                                         phase: .preventivo, amount: Decimal(string: "15000.00")!)]
        plan.serviceStandards = [ServiceStandard(id: "3.1.1", entityCode: e, code: "3.1.1", section: "Registro imprese",
                                                 process: "Iscrizione", offices: ["RI"], standardDays: 25, standardText: "25 gg.")]
        plan.serviceResults = [ServiceResult(id: "3.1.1@\(year)", standardID: "3.1.1", year: year, measuredDays: Decimal(string: "8.6"),
                                             measuredText: "8,6 gg", casesTotal: 774, casesWithinStandard: 700)]
        plan.procedures = [MonitoredProcedure(id: "P1", entityCode: e, code: "P1", name: "Protesti", coordinators: ["RI"],
                                              targetValue: 100, comparator: .atLeast)]
        plan.procedureResults = [ProcedureResult(id: "P1@\(year)", procedureID: "P1", year: year, value: Decimal(string: "98.84"),
                                                 subResults: [ProcedureSubResult(label: "cancellazioni", score: 100)])]
        plan.variations = [PlanVariation(id: "giunta-12-2013/1", actID: "giunta-12-2013", nodeID: "G1", kind: .change,
                                         description: "Target modificato", field: "target", before: "4", after: "5")]
        plan.methodology = MethodologyVersion(
            entityCode: e, year: year, version: 1,
            rules: Methodology(name: "SMVP di prova", levels: [LevelRule(level: .indicator, rounding: .truncate, digits: 2)]))
        return plan
    }
}
