import Foundation
import TraguardoCore

/// A synthetic national dataset: `enti` Camere di Commercio × `years` cycles, each with `indicators` indicators
/// (one measured item each) under 5 strategic areas and their objectives, 10 offices, and a measurement for every
/// item in each of `periods` periods. The first 20 indicators of every Ente-year are the national ones (the same
/// code `UC01`…`UC20` everywhere, as the Unioncamere indicators are), so Enti can be compared.
/// The same seed always gives the same dataset, byte for byte.
struct NationalDataset {
    var enti = 60
    var years = 10
    var firstYear = 2015
    var indicators = 1000
    var periods = 4
    var seed: UInt64 = 1

    static let nationalIndicators = 20
    static let areas = ["Competitività delle imprese", "Semplificazione e trasparenza", "Internazionalizzazione",
                        "Ambiente e transizione digitale", "Efficienza dell'ente"]
    static let provinces = ["Agrigento", "Alessandria", "Ancona", "Arezzo", "Bari", "Bergamo", "Bologna", "Bolzano",
                            "Brescia", "Cagliari", "Catania", "Como", "Cosenza", "Cremona", "Cuneo", "Ferrara", "Firenze",
                            "Foggia", "Genova", "Lecce", "Lucca", "Macerata", "Mantova", "Messina", "Milano", "Modena",
                            "Napoli", "Novara", "Padova", "Palermo", "Parma", "Pavia", "Perugia", "Pescara", "Piacenza",
                            "Pisa", "Potenza", "Ravenna", "Reggio Calabria", "Roma", "Salerno", "Sassari", "Siena",
                            "Taranto", "Torino", "Trento", "Treviso", "Trieste", "Udine", "Varese", "Venezia", "Verona",
                            "Vicenza", "Viterbo", "Chieti", "Caserta", "Brindisi", "Rimini", "Prato", "Livorno"]

    var scheme: PeriodScheme {
        switch periods {
        case 1: .yearEndOnly
        case 2: .halfYears
        default: .quarters
        }
    }

    func entityCode(_ index: Int) -> String {
        let name = index < Self.provinces.count ? Self.provinces[index] : "Ente \(index + 1)"
        let code = name.lowercased().replacingOccurrences(of: " ", with: "-")
        return index < Self.provinces.count ? code : "ente-\(index + 1)"
    }

    /// The plan of Ente `index` in `year`, with its measurements.
    func plan(entity index: Int, year: Int) -> CyclePlan {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 1_000_003 &+ UInt64(year) &* 7919)
        let e = entityCode(index)
        let name = index < Self.provinces.count ? Self.provinces[index] : "Ente \(index + 1)"
        var plan = CyclePlan(
            entity: Entity(code: e, name: "Camera di Commercio di \(name)", shortName: "CCIAA \(name)"),
            cycle: Cycle(entityCode: e, year: year, horizonFrom: year, horizonTo: year + 2))
        plan.units = [OrganisationalUnit(id: "SG", entityCode: e, code: "SG", name: "Segreteria Generale", kind: .segreteriaGenerale)]
            + (1...10).map { OrganisationalUnit(id: String(format: "U%02d", $0), entityCode: e, parentID: "SG",
                                                code: String(format: "U%02d", $0), name: "Ufficio \($0)", kind: .ufficio) }
        plan.periods = MonitoringPeriod.standard(scheme, entityCode: e, year: year)
        let objectivesPerArea = max(1, min(20, indicators / 50))
        for (a, title) in Self.areas.enumerated() {
            let area = String(UnicodeScalar(UInt8(65 + a)))
            plan.nodes.append(PlanNode(id: area, entityCode: e, year: year, kind: .strategicArea, code: area, title: title,
                                       ownerUnitID: "SG", sortOrder: a))
            for o in 1...objectivesPerArea {
                let code = "\(area)\(o)"
                plan.nodes.append(PlanNode(id: code, entityCode: e, year: year, parentID: area, kind: .strategicObjective,
                                           code: code, title: "\(title): obiettivo \(o)",
                                           ownerUnitID: String(format: "U%02d", (a * objectivesPerArea + o) % 10 + 1), sortOrder: o))
            }
        }
        let objectiveNodes = plan.nodes.filter { $0.kind == .strategicObjective }
        plan.indicators.reserveCapacity(indicators)
        plan.items.reserveCapacity(indicators)
        plan.measurements.reserveCapacity(indicators * plan.periods.count)
        for i in 0..<indicators {
            let national = i < Self.nationalIndicators
            let code = national ? String(format: "UC%02d", i + 1) : "I\(i + 1)"
            let node = objectiveNodes[i % objectiveNodes.count]
            let id = "\(node.id)/\(code)"
            let lowerIsBetter = random.next(below: 4) == 0
            let target = Decimal(lowerIsBetter ? 5 + Int(random.next(below: 56)) : 50 + Int(random.next(below: 51)))
            let comparator: TraguardoCore.Comparator = lowerIsBetter ? .atMost : .atLeast
            plan.indicators.append(Indicator(
                id: id, entityCode: e, year: year, nodeID: node.id, code: code,
                name: national ? "Indicatore nazionale \(code)" : "Indicatore \(i + 1) di \(node.code)",
                type: lowerIsBetter ? .efficienza : .efficacia, rule: lowerIsBetter ? .lowerIsBetter : .threshold,
                comparator: comparator, unit: lowerIsBetter ? "giorni" : "%", frequency: .quarterly))
            plan.targets.append(Target(id: "\(id)/\(year)", indicatorID: id, year: year, comparator: comparator, value: target))
            let itemID = "\(id)/1"
            plan.items.append(MeasuredItem(id: itemID, indicatorID: id, code: "1", description: "Misura \(code)",
                                           comparator: comparator, targetValue: target, unit: lowerIsBetter ? "giorni" : "%"))
            for period in plan.periods {
                // Around the target, with two decimals: some met, some missed.
                let hundredths = Int(random.next(below: 4001)) - 2000
                let value = max(0, target + Decimal(hundredths) / 100)
                plan.measurements.append(TraguardoCore.Measurement(id: "\(itemID)@\(period.code)", itemID: itemID, periodID: period.id, value: value))
            }
        }
        return plan
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same numbers on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: UInt64) -> UInt64 { next() % bound }
}
