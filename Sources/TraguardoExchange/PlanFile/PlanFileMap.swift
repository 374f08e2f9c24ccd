import Foundation
import TraguardoCore
import Yams

/// A mapping being written: keys in the order they are set, empty values left out.
struct PlanFileMap {
    private(set) var pairs: [(Node, Node)] = []

    var node: Node { Node(pairs) }
    var isEmpty: Bool { pairs.isEmpty }

    init() {}

    /// The plain fields of one record, in the order written: `PlanFileMap((K.code, node.code), (K.title, node.title))`.
    init(_ fields: (String, (any PlanFileValue)?)...) {
        for (key, value) in fields { set(key, value) }
    }

    mutating func set(_ key: String, _ value: Node?) {
        guard let value else { return }
        pairs.append((Node(key), value))
    }

    mutating func set(_ key: String, _ value: (any PlanFileValue)?) { set(key, value?.planFileNode) }

    mutating func set(_ key: String, list: [Node]) {
        guard !list.isEmpty else { return }
        set(key, Node(list))
    }

    mutating func set(_ key: String, map: PlanFileMap?) {
        guard let map, !map.isEmpty else { return }
        set(key, map.node)
    }

    /// Where the record comes from (`fonte`) and, when it has one, the result its document declares (`dichiarato`).
    mutating func setOrigin(declared: DeclaredResult? = nil, source: Provenance?) {
        set(K.declared, map: Self.declared(declared))
        set(K.source, map: Self.provenance(source))
    }

    /// Text, quoted whenever YAML would otherwise read it as something else (a number, a date, null…).
    static func text(_ value: String) -> Node {
        Node(value, .implicit, isPlainSafe(value) ? .plain : .doubleQuoted)
    }

    private static let reservedWords: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "~", "y", "n"]
    private static let indicators: Set<Character> = [":", "#", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]

    /// Whether YAML reads `value` back as the same text when it is written plain: it starts with a letter (A–Z,
    /// a–z, À–ÿ), has none of YAML's indicator characters and no line break of any kind, has no blank at either end
    /// and is not a word YAML reads as a flag or null. Checked character by character: a regex literal here was
    /// built again for every value written (two thirds of the time of `traguardo generate`).
    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.first, first.unicodeScalars.count == 1, let scalar = first.unicodeScalars.first,
              ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) || ("\u{C0}"..."\u{FF}").contains(scalar)
        else { return false }
        for character in value.dropFirst() where character.isNewline || indicators.contains(character) { return false }
        return !reservedWords.contains(value.lowercased()) && value == value.trimmingCharacters(in: .whitespaces)
    }

    static func provenance(_ value: Provenance?) -> PlanFileMap? {
        guard let value else { return nil }
        return PlanFileMap((K.document, value.source), (K.lines, value.lines))
    }

    static func declared(_ value: DeclaredResult?) -> PlanFileMap? {
        guard let value else { return nil }
        return PlanFileMap((K.percentage, value.score), (K.text, value.text), (K.points, value.points))
    }
}

/// A plain value the plan file writes under a key: text (quoted where YAML would read it as something else), a
/// number, a date, a flag, a list of texts, or a choice of a closed list (its raw value). Nil and an empty list
/// are left out.
protocol PlanFileValue {
    var planFileNode: Node? { get }
}

extension String: PlanFileValue {
    var planFileNode: Node? { PlanFileMap.text(self) }
}

extension Decimal: PlanFileValue {
    var planFileNode: Node? { Node("\(self)", .implicit, .plain) }
}

extension Int: PlanFileValue {
    var planFileNode: Node? { Node(String(self), .implicit, .plain) }
}

extension Bool: PlanFileValue {
    var planFileNode: Node? { Node(self ? "true" : "false", .implicit, .plain) }
}

extension CivilDate: PlanFileValue {
    var planFileNode: Node? { Node(description, .implicit, .plain) }
}

extension Array: PlanFileValue where Element == String {
    var planFileNode: Node? { isEmpty ? nil : Node(map(PlanFileMap.text), .implicit, .flow) }
}

extension PlanFileValue where Self: RawRepresentable, RawValue == String {
    var planFileNode: Node? { PlanFileMap.text(rawValue) }
}

extension AccountColumn: PlanFileValue {}
extension AccountNature: PlanFileValue {}
extension ActKind: PlanFileValue {}
extension BudgetPhase: PlanFileValue {}
extension TraguardoCore.Comparator: PlanFileValue {}
extension CycleStatus: PlanFileValue {}
extension DeclaredTotalElement: PlanFileValue {}
extension DerivationKind: PlanFileValue {}
extension EntityKind: PlanFileValue {}
extension EntityStatus: PlanFileValue {}
extension IndicatorType: PlanFileValue {}
extension MeasurementFrequency: PlanFileValue {}
extension NodeStatus: PlanFileValue {}
extension ObjectiveKind: PlanFileValue {}
extension OrganisationalRole: PlanFileValue {}
extension PeriodKind: PlanFileValue {}
extension PeriodStatus: PlanFileValue {}
extension PlanNodeKind: PlanFileValue {}
extension Polarity: PlanFileValue {}
extension ResourceKind: PlanFileValue {}
extension RoundingMode: PlanFileValue {}
extension ScoringRuleKind: PlanFileValue {}
extension ServiceOutcome: PlanFileValue {}
extension UnitKind: PlanFileValue {}
extension VariationKind: PlanFileValue {}
