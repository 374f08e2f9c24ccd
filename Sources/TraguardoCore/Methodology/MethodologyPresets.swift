import Foundation

/// The scoring systems reconstructed from the seeds, ready to use as a plan's methodology, and the
/// engine's default rules. Each preset cites the lines of the seed its rules are read from; where a rule
/// is only implied (the seed never writes it down) the comment says so.
public enum MethodologyPresets {
    /// By key, for `--metodologia lucca-2013` and the like.
    public static let all: [String: Methodology] = [
        "standard": standard,
        "lucca-2013": lucca2013,
        "lucca-2017": lucca2017,
        "lucca-2018": lucca2018,
    ]

    /// A version of a preset for an Ente-year (version 1, no adopting act).
    public static func version(_ key: String, entityCode: String, year: Int) -> MethodologyVersion? {
        all[key].map { MethodologyVersion(entityCode: entityCode, year: year, version: 1, rules: $0) }
    }

    /// The engine's default: unweighted means at every level, N.C. excluded, half-up rounding to
    /// 2 decimals applied before use, threshold met → 100 and missed → 0, no over-achievement.
    public static let standard = Methodology(
        name: "Regole predefinite di Traguardo",
        description: "Media semplice a ogni livello, N.C. esclusi, arrotondamento a 2 decimali.",
        defaultRules: [IndicatorType.realizzazione.rawValue: .done],
        levels: ScoringLevel.allCases.map { LevelRule(level: $0) },
        trafficLights: [
            TrafficLightBand(minimumScore: 90, light: .green),
            TrafficLightBand(minimumScore: 60, light: .yellow),
            TrafficLightBand(minimumScore: 0, light: .red),
        ])

    /// CCIAA Lucca 2013, reconstructed from `seeds/001_085c85124fd8c90e.txt` (`domain/seed-001.md` §4).
    ///
    /// - Items: partial quantities proportional and **truncated to an integer** — "43 su 47 = 91%" (riga 691),
    ///   "2 seminari su 3" entered as 66 for C20101 = 95,75 (righe 732–738, §4.4). Threshold met → 100 and
    ///   capped (R1, righe 806, 907, 744, 639); not done → 0 (R5, righe 752, 586).
    /// - Lateness: "entro febbraio" → "7 marzo = 95%" (riga 750) is the only band printed. The others are
    ///   implied: I20108 1a "entro 28/02" → "31-mar" ≈ 90 (riga 1244, gives 98,57 vs printed 98,58),
    ///   I40101 1b "entro febbraio" → "11-apr" ≈ 85 (righe 1405–1418, gives 98,93), the reorganisation
    ///   "entro giugno" → delibera 18 novembre = 75 (righe 580–582, 2889). Beyond 180 days → 0.
    /// - Projects (nodes): the mean of the **items**, each item weighing the same (Febe's "valutazione
    ///   sintetica andamento progetto", riga 1407; G10101 = 900/10 = 90, righe 1085–1094), N.C. excluded
    ///   (R6, righe 679, 1269), rounded half-up to 2 decimals (I40101 98,9286 → 98,93).
    /// - Indicators of the managers' objectives and objectives: unweighted mean **truncated to 2 decimals**
    ///   (68,4975 → 68,49 riga 2891; 97,078 → 97,07 riga 2912; 48,535 → 48,53 riga 2914; 99,7475 → 99,74
    ///   riga 2880; 99,68875 → 99,68 righe 2906, 2948, 2985).
    /// - Procedures: a multi-office procedure's TOT = mean of the offices **truncated to an integer**
    ///   ((75+100+100)/3 = 91,67 → 91, riga 598); RISULTATO FINALE = mean of the 13 results (97,51, riga 608).
    /// - Punteggio: ≥ 90 → 50, ≥ 60 → 30, otherwise 20 (hypothesis H1 of §4.7: 99,65 → 50 riga 2876,
    ///   68,49 → 30 riga 2892, 48,53 / 48,45 / 49,4 → 20 righe 2915, 2957, 2994; the band edges 60 and 90
    ///   are not identifiable from the document).
    public static let lucca2013 = Methodology(
        name: "SMVP CCIAA Lucca 2013 (ricostruito)",
        description: "Ricostruito dal documento «Risultati 2013» (seed 001): item troncati all'intero, progetti "
            + "come media degli item arrotondata a 2 decimali, indicatori e obiettivi come media troncata a "
            + "2 decimali, N.C. esclusi, scala dei ritardi, punteggio 50/30/20.",
        defaultRules: [IndicatorType.realizzazione.rawValue: .done],
        fallbackRule: .threshold,
        allowOverAchievement: false,
        lateness: [
            LatenessBand(maxDaysLate: 15, score: 95),
            LatenessBand(maxDaysLate: 31, score: 90),
            LatenessBand(maxDaysLate: 45, score: 85),
            LatenessBand(maxDaysLate: 180, score: 75),
        ],
        levels: [
            LevelRule(level: .item, rounding: .truncate, digits: 0),
            LevelRule(level: .indicator, rounding: .truncate, digits: 2),
            LevelRule(level: .node, rounding: .halfUp, digits: 2, countsItems: true),
            LevelRule(level: .objective, rounding: .truncate, digits: 2),
            LevelRule(level: .manager, rounding: .truncate, digits: 2),
            LevelRule(level: .entity, rounding: .truncate, digits: 2),
        ],
        pointBands: [
            PointBand(minimumScore: 90, points: 50),
            PointBand(minimumScore: 60, points: 30),
            PointBand(minimumScore: 0, points: 20),
        ],
        trafficLights: standard.trafficLights,
        procedures: CollectionRule(aggregation: .mean, rounding: .truncate, digits: 2,
                                   rowRounding: .truncate, rowDigits: 0))

    /// CCIAA Lucca 2017, from the Relazione sulla performance 2017 in PIRA layout
    /// (`seeds/004_aed7fa250b012e3d.txt`, `domain/seed-004.md` §6).
    ///
    /// - No weights anywhere (§0, §5 "no weights"): unweighted means.
    /// - Milestones ("% realizzazione attività programmate") scored as the declared degree of achievement,
    ///   "100%", higher is better and capped at 100 (§6.1 family 1, righe 284, 450–492, 3194–3210).
    /// - Counts with a minimum threshold → 100 when met (§6.1 family 2, righe 600–604, 1510–1548); compound
    ///   targets all met (righe 1552–1556, 1592–1668); change vs a reference period (righe 3488–3490, 3552).
    /// - "___" where no target exists for the year → N.C. (§6.3, righe 531, 928, 3105).
    /// - The document prints no aggregate %, so levels use half-up rounding to 2 decimals.
    public static let lucca2017 = Methodology(
        name: "SMVP CCIAA Lucca 2017 (ricostruito)",
        description: "Ricostruito dalla Relazione sulla performance 2017 (seed 004): nessun peso, media semplice, "
            + "soglie raggiunte → 100, N.C. esclusi, arrotondamento a 2 decimali.",
        defaultRules: [IndicatorType.realizzazione.rawValue: .done],
        fallbackRule: .threshold,
        levels: ScoringLevel.allCases.map { LevelRule(level: $0) },
        trafficLights: standard.trafficLights)

    /// CCIAA Lucca 2018, from "RISULTATI 2018 SEGRETARIO GENERALE" (`seeds/000_28495518298835c5.txt`,
    /// `domain/seed-000.md` §4).
    ///
    /// - Carta dei servizi: time ≤ standard → 100 ("a vista" = 0 days, righe 933–1001); share of cases within
    ///   the standard **rounded to an integer** (56/78 = 71,79 → 72, riga 979); justified deviations → 100
    ///   (righe 968–974); N.C. excluded; total = 3572/36 = 99,22 (righe 1008–1009).
    /// - Procedures: printed score, or min(100, value / target × 100) ("(93.19%) 100%", riga 1015); total
    ///   = mean (99,00 recomputed; the document prints 98,84, riga 1024).
    /// - An indicator taken from the Carta dei servizi enters its objective **rounded to an integer**: 99,22 →
    ///   99 (riga 1096), so Ente objective 1 = (99+100+100+100)/4 = 99,75 (righe 1096–1100, 1145; 99,81 if not
    ///   rounded). The rounding is limited to derived indicators: the Dirigente's 99,62 (riga 1153) enters
    ///   Ente objective 6 unrounded to give 99,81 (riga 1140).
    /// - "Realizzazione del 90% …" thresholds → 100 when met (righe 107, 121, 1140–1141, 899).
    /// - Objectives: unweighted mean of the indicators, N.C. excluded (SG obj. 4 = 100 with 2b N.C.,
    ///   righe 925–927, 1148), 2 decimals.
    public static let lucca2018 = Methodology(
        name: "SMVP CCIAA Lucca 2018 (ricostruito)",
        description: "Ricostruito dai «Risultati 2018 Segretario Generale» (seed 000): media semplice, N.C. esclusi, "
            + "indicatori derivati (Carta dei servizi) arrotondati all'intero prima della media, soglie "
            + "raggiunte → 100.",
        defaultRules: [IndicatorType.realizzazione.rawValue: .done],
        fallbackRule: .threshold,
        levels: ScoringLevel.allCases.map { LevelRule(level: $0) },
        trafficLights: standard.trafficLights,
        derivedIndicatorRounding: RoundingRule(mode: .halfUp, digits: 0),
        serviceCharter: CollectionRule(aggregation: .mean, rounding: .halfUp, digits: 2,
                                       rowRounding: .halfUp, rowDigits: 0),
        procedures: CollectionRule(aggregation: .mean, rounding: .halfUp, digits: 2,
                                   rowRounding: .halfUp, rowDigits: 0))
}
