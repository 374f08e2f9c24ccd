import Foundation

/// The rules two methodologies set differently, one Italian line each («livello obiettivo: arrotondamento
/// tronca a 2 decimali → arrotonda a 0 decimali»): what explains the differences in the scores.
public enum MethodologyDifferences {
    public static func lines(from old: Methodology, to new: Methodology) -> [String] {
        var lines: [String] = []
        func add(_ what: String, _ a: String, _ b: String) {
            if a != b { lines.append("\(what): \(a) → \(b)") }
        }
        let levels: [ScoringLevel] = [.item, .indicator, .node, .objective, .manager, .entity]
        for level in levels {
            let a = old.levels.first { $0.level == level } ?? LevelRule(level: level)
            let b = new.levels.first { $0.level == level } ?? LevelRule(level: level)
            let name = "livello \(levelName(level))"
            add("\(name), aggregazione", a.aggregation.rawValue, b.aggregation.rawValue)
            add("\(name), arrotondamento", rounding(a.rounding, a.digits), rounding(b.rounding, b.digits))
            add("\(name), arrotondamento prima dell'uso", yesNo(a.roundBeforeUse), yesNo(b.roundBeforeUse))
            add("\(name), soglia per il 100", a.fullScoreThreshold.map { "≥ \($0.italian)" } ?? "nessuna",
                b.fullScoreThreshold.map { "≥ \($0.italian)" } ?? "nessuna")
            add("\(name), conta gli item", yesNo(a.countsItems), yesNo(b.countsItems))
        }
        add("regola in mancanza di altre", old.fallbackRule.rawValue, new.fallbackRule.rawValue)
        let kinds = Set(old.defaultRules.keys).union(new.defaultRules.keys).sorted()
        for kind in kinds {
            add("regola del tipo «\(kind)»", old.defaultRules[kind]?.rawValue ?? "(nessuna)", new.defaultRules[kind]?.rawValue ?? "(nessuna)")
        }
        add("soglia mancata", old.thresholdMiss.rawValue, new.thresholdMiss.rawValue)
        add("oltre il 100%", yesNo(old.allowOverAchievement), yesNo(new.allowOverAchievement))
        add("arrotondamento degli indicatori derivati", old.derivedIndicatorRounding.map { rounding($0.mode, $0.digits) } ?? "nessuno",
            new.derivedIndicatorRounding.map { rounding($0.mode, $0.digits) } ?? "nessuno")
        add("Carta dei servizi", collection(old.serviceCharter), collection(new.serviceCharter))
        add("procedimenti", collection(old.procedures), collection(new.procedures))
        add("punteggio dell'Ente", old.entityScoreSource.rawValue, new.entityScoreSource.rawValue)
        add("fasce di punteggio", bands(old.pointBands.map { ($0.minimumScore, $0.points.italian) }),
            bands(new.pointBands.map { ($0.minimumScore, $0.points.italian) }))
        add("semaforo", bands(old.trafficLights.map { ($0.minimumScore, $0.light.rawValue) }),
            bands(new.trafficLights.map { ($0.minimumScore, $0.light.rawValue) }))
        add("ritardi", old.lateness.map { "≤ \($0.maxDaysLate) gg → \($0.score.italian)" }.joined(separator: ", ").ifEmpty("nessuna fascia"),
            new.lateness.map { "≤ \($0.maxDaysLate) gg → \($0.score.italian)" }.joined(separator: ", ").ifEmpty("nessuna fascia"))
        return lines
    }

    static func levelName(_ level: ScoringLevel) -> String {
        switch level {
        case .item: "item"
        case .indicator: "indicatore"
        case .node: "nodo"
        case .objective: "obiettivo"
        case .manager: "dirigente"
        case .entity: "Ente"
        }
    }

    static func rounding(_ mode: RoundingMode, _ digits: Int) -> String {
        mode == .none ? "nessuno" : "\(mode.rawValue) a \(digits) decimali"
    }

    private static func yesNo(_ flag: Bool) -> String { flag ? "sì" : "no" }

    private static func collection(_ rule: CollectionRule) -> String {
        "righe \(rounding(rule.rowRounding, rule.rowDigits)), totale \(rule.aggregation.rawValue) \(rounding(rule.rounding, rule.digits))"
    }

    private static func bands(_ bands: [(Decimal, String)]) -> String {
        bands.sorted { $0.0 > $1.0 }.map { "≥ \($0.0.italian) → \($0.1)" }.joined(separator: ", ").ifEmpty("nessuna fascia")
    }
}

extension String {
    fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
