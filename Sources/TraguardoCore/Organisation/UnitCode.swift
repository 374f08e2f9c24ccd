/// The rules of the code of a unit added to a plan (Amministrazione › Unità): a short code without spaces or
/// slashes (it is a segment of the pages' paths and the `ENTE/CODICE` of the user forms), not the code or id of
/// another unit of the plan; a unit without a code gets a free id.
public enum UnitCode {
    public static let maximumLength = 40

    /// Why `code` cannot be the code of a new unit of `plan`; nil when it can.
    public static func problem(_ code: String, in plan: CyclePlan) -> String? {
        if code.count > maximumLength || code.contains(where: { $0.isWhitespace || $0 == "/" }) {
            return "Codice «\(code)» non valido: atteso un codice breve senza spazi né barre (per esempio PROG)."
        }
        if let taken = plan.units.first(where: { $0.code == code || $0.id == code }) {
            return "Il codice «\(code)» è già dell'unità «\(taken.name)» nel piano \(plan.cycle.year): sceglierne un altro."
        }
        return nil
    }

    /// An id for a unit without a code: `unita-N`, the first N no unit of the plan has.
    public static func freeID(in plan: CyclePlan) -> String {
        let ids = Set(plan.units.map(\.id))
        var n = plan.units.count + 1
        while ids.contains("unita-\(n)") { n += 1 }
        return "unita-\(n)"
    }
}
