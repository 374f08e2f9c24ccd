import Foundation
import Testing
@testable import TraguardoSpreadsheet

/// The tokenizer receives a part in chunks of any size: every kind of token may be cut anywhere, and a token
/// spread over many chunks is searched once, not once per chunk (a fuzzer's 13 kB workbook inflated to an
/// 8 MB start tag that never closed, and each of its 128 chunks searched the tag again from its start).
@Suite("XML: gettoni spezzati tra pezzi")
struct XMLTokenizerChunkTests {
    /// Writes down every event, so two readings can be compared.
    struct Recorder: XMLTokenHandler {
        var events: [String] = []
        var wantsText: Bool { true }
        mutating func startElement(_ name: String, attributes: [XMLAttribute]) throws {
            events.append("<\(name)" + attributes.map { " \($0.name)=\($0.value)" }.joined() + ">")
        }
        mutating func endElement(_ name: String) throws { events.append("</\(name)>") }
        mutating func text(_ text: String) throws { events.append("«\(text)»") }
    }

    static let document = """
        <?xml version="1.0"?><!-- un commento -- con trattini e > dentro --><r a="x>y" b='q"z'><?pi dati ? > ancora?>\
        testo &amp; altro<![CDATA[dati <grezzi> ]] e ]>]]><v>1,5</v><!----><e/></r>
        """

    static func read(_ text: String, chunk: Int) throws -> (events: [String], searchedInVain: Int) {
        let bytes = Array(text.utf8)
        var recorder = Recorder()
        var tokenizer = XMLStreamTokenizer()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + chunk, bytes.count)
            try tokenizer.feed(Data(bytes[offset..<end]), into: &recorder)
            offset = end
        }
        try tokenizer.finish(into: &recorder)
        return (recorder.events, tokenizer.searchedInVain)
    }

    @Test("ogni gettone, tagliato in ogni punto, dà gli stessi eventi", arguments: [1, 2, 3, 4, 5, 7, 11])
    func everyCutGivesTheSameEvents(_ chunk: Int) throws {
        let whole = try Self.read(Self.document, chunk: Self.document.utf8.count)
        #expect(whole.events.contains("<r a=x>y b=q\"z>"))
        #expect(whole.events.contains("«dati <grezzi> ]] e ]>»"))
        #expect(try Self.read(Self.document, chunk: chunk).events == whole.events)
    }

    @Test("un gettone lungo in molti pezzi è cercato una volta sola", arguments: ["tag", "text", "comment", "cdata", "pi", "end"])
    func aLongTokenIsSearchedOnce(_ kind: String) throws {
        let long = String(repeating: "/w/ow", count: 200_000)  // 1 MB
        let document: String
        switch kind {
        case "tag": document = "<r><row a='\(long)' b=\"\(long)\"/></r>"
        case "text": document = "<r>\(long)</r>"
        case "comment": document = "<r><!--\(long)--></r>"
        case "cdata": document = "<r><![CDATA[\(long)]]></r>"
        case "pi": document = "<r><?pi \(long)?></r>"
        default: document = "<r><a></a\(String(repeating: " ", count: 1_000_000))></r>"
        }
        let reading = try Self.read(document, chunk: 4096)
        // 250 chunks: searching each from the token's start would be about 125 MB.
        #expect(reading.searchedInVain <= document.utf8.count, "byte cercati invano: \(reading.searchedInVain)")
        #expect(reading.events.first == "<r>")
        #expect(reading.events.last == "</r>")
    }

    @Test("un errore non ripete un nome lungo un megabyte")
    func anErrorClipsALongName() throws {
        let long = String(repeating: "x", count: 1_000_000)
        #expect {
            _ = try Self.read("<r><row \(long)/></r>", chunk: 4096)
        } throws: { error in
            let message = (error as? XMLSyntaxError)?.message ?? ""
            return message.hasPrefix("attributo «xxxx") && message.contains("…» senza valore in <row>") && message.count < 200
        }
    }
}
