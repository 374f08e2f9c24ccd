/// One attribute of a start tag: its local name (the prefix dropped) and its decoded value.
struct XMLAttribute: Sendable {
    var name: String
    var value: String
}

extension Array where Element == XMLAttribute {
    subscript(attribute name: String) -> String? {
        first { $0.name == name }?.value
    }
}

/// What the streaming tokenizer tells: elements by local name (`x:row` is `row`), and text when asked for.
protocol XMLTokenHandler {
    /// Whether the text at this point is needed; text nobody reads is never decoded.
    var wantsText: Bool { get }
    mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws
    mutating func endElement(_ name: String) throws
    mutating func text(_ text: String) throws
}

/// A mistake in an XML part, in Italian, without the file name (the reader adds it).
struct XMLSyntaxError: Error, Sendable {
    var message: String
}
