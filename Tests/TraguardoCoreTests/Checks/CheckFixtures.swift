import Foundation
@testable import TraguardoCore

/// A small, correct Ente-year: every check must stay silent on it.
enum CheckFixtures {
    static let prov = Provenance(source: "test", lines: "1")

    static func clean() -> CyclePlan {
        let e = "test"
        let y = 2018
        var plan = CyclePlan(
            entity: Entity(code: e, name: "Camera di Commercio di Prova"),
            cycle: Cycle(entityCode: e, year: y, horizonFrom: 2018, horizonTo: 2020))
        plan.units = [OrganisationalUnit(id: "u1", entityCode: e, name: "Ufficio Programmazione", kind: .ufficio)]
        plan.people = [Person(id: "p1", entityCode: e, name: "Rossi")]
        plan.periods = MonitoringPeriod.standard(.yearEndOnly, entityCode: e, year: y)
        plan.levels = [
            PlanLevel(id: "l1", entityCode: e, year: y, depth: 1, kind: .strategicArea, label: "Area strategica",
                      codePattern: "^[0-9]$"),
            PlanLevel(id: "l2", entityCode: e, year: y, depth: 2, kind: .strategicObjective,
                      label: "Obiettivo strategico", codePattern: "^[0-9][A-Z]$"),
            PlanLevel(id: "l3", entityCode: e, year: y, depth: 3, kind: .project, label: "Progetto",
                      codePattern: "^[0-9][A-Z][0-9]{4}$"),
        ]
        plan.nodes = [
            PlanNode(id: "n1", entityCode: e, year: y, kind: .strategicArea, code: "2", title: "Competitività",
                     ownerUnitID: "u1"),
            PlanNode(id: "n2", entityCode: e, year: y, parentID: "n1", kind: .strategicObjective, code: "2C",
                     title: "Digitalizzazione"),
            PlanNode(id: "n3", entityCode: e, year: y, parentID: "n2", kind: .project, code: "2C0101",
                     title: "Punto impresa digitale", ownerUnitID: "u1",
                     declared: DeclaredResult(score: 100, text: "OBIETTIVO REALIZZATO AL 100%")),
            PlanNode(id: "n4", entityCode: e, year: y, parentID: "n2", kind: .project, code: "2C0102",
                     title: "Voucher digitali", ownerUnitID: "u1"),
        ]
        plan.indicators = [
            Indicator(id: "i1", entityCode: e, year: y, nodeID: "n2", code: "1", name: "Imprese assistite",
                      comparator: .atLeast, polarity: .increasing, unit: "n.", source: "rilevazione ufficio",
                      baselineValue: 40, baselineYear: 2017, ownerUnitID: "u1"),
            Indicator(id: "i2", entityCode: e, year: y, nodeID: "n3", code: "1", name: "Tempo medio di evasione",
                      comparator: .atMost, polarity: .decreasing, unit: "gg", source: "Priamo", ownerUnitID: "u1"),
        ]
        plan.targets = [
            Target(id: "t1", indicatorID: "i1", year: 2018, comparator: .atLeast, value: 44),
            Target(id: "t2", indicatorID: "i1", year: 2019, comparator: .atLeast, value: 48),
            Target(id: "t3", indicatorID: "i2", year: 2018, comparator: .atMost, value: 5),
            Target(id: "t4", indicatorID: "i2", year: 2019, comparator: .atMost, value: 4),
        ]
        plan.items = [
            MeasuredItem(id: "m1", indicatorID: "i1", code: "1", description: "Imprese assistite", weight: 50),
            MeasuredItem(id: "m2", indicatorID: "i1", code: "2", description: "Imprese formate", weight: 50),
        ]
        plan.measurements = [
            Measurement(id: "r1", itemID: "m1", periodID: plan.periods[0].id, value: 50, numerator: 1, denominator: 2,
                        text: "realizzato nel 2018"),
        ]
        plan.resources = [
            Resource(id: "res1", nodeID: "n2", year: y, kind: .oneri, phase: .preventivo, amount: 15_000),
            Resource(id: "res2", nodeID: "n3", year: y, kind: .oneri, phase: .preventivo, amount: 10_000),
            Resource(id: "res3", nodeID: "n4", year: y, kind: .oneri, phase: .preventivo, amount: 5_000),
        ]
        plan.accountLines = [
            AccountLine(id: "a1", entityCode: e, year: y, code: "3", description: "Risultato", phase: .consuntivo,
                        amount: Decimal(string: "-538507.96")!),
            AccountLine(id: "a2", entityCode: e, year: y, code: "30", parentCode: "3", description: "Corrente",
                        phase: .consuntivo, amount: Decimal(string: "-711687.36")!),
            AccountLine(id: "a3", entityCode: e, year: y, code: "35", parentCode: "3", description: "Finanziaria",
                        phase: .consuntivo, amount: Decimal(string: "227096.52")!),
            AccountLine(id: "a4", entityCode: e, year: y, code: "36", parentCode: "3", description: "Straordinaria",
                        phase: .consuntivo, amount: Decimal(string: "71915.91")!),
            AccountLine(id: "a5", entityCode: e, year: y, code: "37", parentCode: "3", description: "Rettifiche",
                        phase: .consuntivo, amount: Decimal(string: "-125833.03")!),
        ]
        plan.serviceStandards = [
            ServiceStandard(id: "s1", entityCode: e, code: "3.1.1", process: "Iscrizioni", standardDays: 5),
            ServiceStandard(id: "s2", entityCode: e, code: "3.1.2", process: "Certificati", standardDays: 0,
                            standardText: "a vista"),
        ]
        plan.serviceResults = [
            ServiceResult(id: "sr1", standardID: "s1", year: y, casesTotal: 78, casesWithinStandard: 56,
                          note: "verifiche concluse nel 2018", declared: DeclaredResult(score: 72)),
        ]
        plan.procedures = [
            MonitoredProcedure(id: "pr1", entityCode: e, code: "1", name: "Pagamento fatture"),
            MonitoredProcedure(id: "pr2", entityCode: e, code: "2", name: "Riscossione"),
        ]
        plan.objectives = [
            Objective(id: "o1", entityCode: e, year: y, kind: .ente, code: "3", title: "Trasparenza"),
            Objective(id: "o2", entityCode: e, year: y, kind: .individual, code: "SG-3",
                      title: "Realizzazione degli obiettivi di Ente n. 3-4-5-6", managerPersonID: "p1"),
        ]
        plan.indicators.append(Indicator(
            id: "i3", entityCode: e, year: y, objectiveID: "o2", code: "1",
            name: "Realizzazione del 90% degli obiettivi di Ente n. 3-4-5-6",
            derivedFrom: ScoreDerivation(kind: .objectives, codes: ["3"])))
        plan.acts = [
            Act(id: "act1", entityCode: e, organ: "Giunta", kind: .delibera, number: "24",
                date: CivilDate(year: 2018, month: 4, day: 12), subject: "Piano"),
            Act(id: "act2", entityCode: e, organ: "Giunta", kind: .delibera, number: "38",
                date: CivilDate(year: 2018, month: 6, day: 8), subject: "Aggiornamento"),
        ]
        return plan
    }
}
