/// A `.rels` part: which file each relationship id points to, and of what type.
struct RelationshipsPart: XMLTokenHandler {
    struct Relationship: Sendable {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    private(set) var relationships: [Relationship] = []

    var wantsText: Bool { false }

    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
        guard name == "Relationship" else { return }
        guard let id = attributes[attribute: "Id"], let target = attributes[attribute: "Target"] else { return }
        relationships.append(Relationship(
            id: id, type: attributes[attribute: "Type"] ?? "", target: target,
            external: attributes[attribute: "TargetMode"] == "External"))
    }

    mutating func endElement(_ name: String) throws {}
    mutating func text(_ text: String) throws {}

    /// The first relationship whose type ends with `/kind` (`officeDocument`, `worksheet`, `styles`, …).
    func first(ofKind kind: String) -> Relationship? {
        relationships.first { !$0.external && $0.type.hasSuffix("/" + kind) }
    }

    /// The `.rels` part that belongs to a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`.
    static func path(for part: String) -> String {
        let (folder, file) = PartPath.split(part)
        return folder.isEmpty ? "_rels/\(file).rels" : "\(folder)/_rels/\(file).rels"
    }
}

/// Paths of parts inside the package, as ZIP entry names (no leading slash).
enum PartPath {
    static func split(_ path: String) -> (folder: String, file: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// A relationship target resolved against the folder of the part that names it:
    /// `/xl/worksheets/sheet1.xml` is absolute, `worksheets/sheet1.xml` and `../xl/…` are relative.
    static func resolve(_ target: String, from part: String) -> String {
        let cleaned = target.replacingOccurrences(of: "\\", with: "/")
        var components: [Substring] = []
        if !cleaned.hasPrefix("/") {
            components = split(part).folder.split(separator: "/")
        }
        for component in cleaned.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }
}
