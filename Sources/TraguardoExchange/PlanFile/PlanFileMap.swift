import Foundation
import TraguardoCore
import Yams

/// A mapping being written: keys in the order they are set, empty values left out.
struct PlanFileMap {
    private(set) var pairs: [(Node, Node)] = []

    var node: Node { Node(pairs) }
    var isEmpty: Bool { pairs.isEmpty }

    mutating func set(_ key: String, _ value: Node?) {
        guard let value else { return }
        pairs.append((Node(key), value))
    }

    mutating func set(_ key: String, _ text: String?) { set(key, text.map(Self.text)) }
    mutating func set(_ key: String, _ number: Decimal?) { set(key, number.map { Node("\($0)", .implicit, .plain) }) }
    mutating func set(_ key: String, _ number: Int?) { set(key, number.map { Node(String($0), .implicit, .plain) }) }
    mutating func set(_ key: String, _ flag: Bool?) { set(key, flag.map { Node($0 ? "true" : "false", .implicit, .plain) }) }
    mutating func set(_ key: String, _ date: CivilDate?) { set(key, date.map { Node($0.description, .implicit, .plain) }) }
    mutating func set<E: RawRepresentable>(_ key: String, _ choice: E?) where E.RawValue == String { set(key, choice.map { Self.text($0.rawValue) }) }

    mutating func set(_ key: String, _ texts: [String]) {
        guard !texts.isEmpty else { return }
        set(key, Node(texts.map(Self.text), .implicit, .flow))
    }

    mutating func set(_ key: String, list: [Node]) {
        guard !list.isEmpty else { return }
        set(key, Node(list))
    }

    mutating func set(_ key: String, map: PlanFileMap?) {
        guard let map, !map.isEmpty else { return }
        set(key, map.node)
    }

    /// Text, quoted whenever YAML would otherwise read it as something else (a number, a date, null…).
    static func text(_ value: String) -> Node {
        let reserved: Set<String> = ["true", "false", "null", "yes", "no", "on", "off", "~", "y", "n"]
        let safe = value.wholeMatch(of: /[A-Za-zÀ-ÿ][^:#\n{}\[\],&*!|>'"%@`]*/) != nil
            && !reserved.contains(value.lowercased()) && value == value.trimmingCharacters(in: .whitespaces)
        return Node(value, .implicit, safe ? .plain : .doubleQuoted)
    }

    static func provenance(_ value: Provenance?) -> PlanFileMap? {
        guard let value else { return nil }
        var map = PlanFileMap()
        map.set(K.document, value.source)
        map.set(K.lines, value.lines)
        return map
    }

    static func declared(_ value: DeclaredResult?) -> PlanFileMap? {
        guard let value else { return nil }
        var map = PlanFileMap()
        map.set(K.percentage, value.score)
        map.set(K.text, value.text)
        map.set(K.points, value.points)
        return map
    }
}
