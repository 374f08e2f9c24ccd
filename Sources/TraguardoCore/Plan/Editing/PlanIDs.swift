/// How the records of an Ente-year get their ids, for the plan file reader and the plan editor alike: units,
/// people, nodes, objectives and acts use their code; an indicator `PADRE/CODICE` (PADRE the id of its node or
/// objective); an item `INDICATORE/CODICE`; a target `INDICATORE/tN`, a resource `NODO/rN`, an account line `NODO/cN` and a role `PERSONA/N` (N its position, from 1).
public enum PlanIDs {
    public static func indicator(owner: String, code: String) -> String { "\(owner)/\(code)" }
    public static func item(indicator: String, code: String) -> String { "\(indicator)/\(code)" }
    public static func target(indicator: String, position: Int) -> String { "\(indicator)/t\(position)" }
    public static func resource(node: String, position: Int) -> String { "\(node)/r\(position)" }
    /// An account line `NODO/cN`, or `-/cN` for a line of the Ente's own conto economico.
    public static func accountLine(node: String?, position: Int) -> String { "\(node ?? "-")/c\(position)" }
    /// A role `PERSONA/N`.
    public static func role(person: String, position: Int) -> String { "\(person)/\(position)" }
    /// An objective's link to a node (`OBIETTIVO>NODO`) or to another objective (`OBIETTIVO>>ALTRO`).
    public static func link(objective: String, node: String) -> String { "\(objective)>\(node)" }
    public static func link(objective: String, linked: String) -> String { "\(objective)>>\(linked)" }

    /// The first `make(n)`, n from `count + 1` on, not among `taken`: a new target or resource after removals.
    public static func free(_ taken: Set<String>, from count: Int, _ make: (Int) -> String) -> String {
        var position = count + 1
        while taken.contains(make(position)) { position += 1 }
        return make(position)
    }
}
