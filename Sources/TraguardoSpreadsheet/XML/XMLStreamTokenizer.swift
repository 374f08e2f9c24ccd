import Foundation

/// An incremental XML tokenizer for the plain subset that spreadsheet parts use: elements, attributes,
/// text, the five predefined entities and character references, CDATA, comments and processing
/// instructions. Bytes arrive in chunks of any size; only the unfinished token is kept between chunks,
/// so a part of any length is read in bounded memory. No DTD, no entity definitions (they are refused).
struct XMLStreamTokenizer {
    /// No single token (a tag, or the text between two tags) may be longer than this.
    static let maxTokenLength = 64 << 20

    private var buffer: [UInt8] = []
    private var openElements: [String] = []
    private var attributes: [XMLAttribute] = []
    private var sawRoot = false
    private var atStart = true
    /// How much of the unfinished token kept in `buffer` was already searched for its end, and the quote a
    /// start tag was inside there: the next chunk resumes the search, so a token spread over many chunks
    /// (8 MB of text, a tag that never closes) is searched once, not once per chunk.
    private var searched = 0
    private var searchedQuote: UInt8 = 0
    /// Bytes searched in vain for the end of an unfinished token, over the whole input (at most its length).
    private(set) var searchedInVain = 0

    /// Tokenizes what is complete in the bytes received so far and keeps the rest for the next chunk.
    mutating func feed<H: XMLTokenHandler>(_ chunk: Data, into handler: inout H) throws {
        buffer.append(contentsOf: chunk)
        try process(into: &handler, final: false)
    }

    /// The input is over: what is left must close the document.
    mutating func finish<H: XMLTokenHandler>(into handler: inout H) throws {
        try process(into: &handler, final: true)
        if !buffer.isEmpty {
            throw XMLSyntaxError(message: "il documento XML finisce a metà di un elemento")
        }
        if let open = openElements.last {
            throw XMLSyntaxError(message: "il documento XML finisce prima della chiusura di <\(Self.clipped(open))>")
        }
        if !sawRoot {
            throw XMLSyntaxError(message: "il documento XML è vuoto")
        }
    }

    private mutating func process<H: XMLTokenHandler>(into handler: inout H, final: Bool) throws {
        var bytes = buffer
        buffer = []
        var consumed = 0
        if atStart {
            if bytes.count < 3 && !final { buffer = bytes; return }
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { consumed = 3 }
            if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
                throw XMLSyntaxError(message: "documento XML in UTF-16: è ammesso solo UTF-8")
            }
            atStart = false
        }
        try bytes.withUnsafeBufferPointer { input in
            consumed = try scan(input, from: consumed, into: &handler, final: final)
        }
        if consumed > 0 { bytes.removeSubrange(0..<consumed) }
        if bytes.count > Self.maxTokenLength {
            throw XMLSyntaxError(message: "elemento o testo XML troppo lungo (oltre \(Self.maxTokenLength >> 20) MB)")
        }
        buffer = bytes
    }

    /// Scans complete tokens starting at `start`; returns where the unfinished part begins.
    private mutating func scan<H: XMLTokenHandler>(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, into handler: inout H, final: Bool
    ) throws -> Int {
        var position = start
        let count = input.count
        // Where the search for the end of the first token resumes (the rest of the input is new).
        let resumed = searched
        let resumedQuote = searchedQuote
        searched = 0
        searchedQuote = 0
        func from(_ natural: Int) -> Int {
            position == start ? max(natural, start + resumed) : natural
        }
        /// The token at `position` does not end in this input; a marker of `overlap` bytes may have begun in
        /// its last `overlap - 1` bytes, which the next search looks at again.
        func unfinished(overlap: Int = 1, quote: UInt8 = 0) -> Int {
            searchedInVain += max(0, count - from(position))
            searched = max(0, count - position - (overlap - 1))
            searchedQuote = quote
            return position
        }
        while position < count {
            if input[position] != Byte.lessThan {
                guard let next = Self.find(Byte.lessThan, in: input, from: from(position)) else {
                    if final {
                        try handleText(input, position..<count, into: &handler)
                        return count
                    }
                    return unfinished()
                }
                try handleText(input, position..<next, into: &handler)
                position = next
                continue
            }
            // A markup token starting at `position`.
            guard position + 1 < count else { return position }
            switch input[position + 1] {
            case Byte.exclamation:
                if Self.hasPrefix("<!--", in: input, at: position) {
                    guard let end = Self.find("-->", in: input, from: from(position + 4)) else { return unfinished(overlap: 3) }
                    position = end + 3
                } else if Self.hasPrefix("<![CDATA[", in: input, at: position) {
                    guard let end = Self.find("]]>", in: input, from: from(position + 9)) else { return unfinished(overlap: 3) }
                    guard !openElements.isEmpty else {
                        throw XMLSyntaxError(message: "sezione CDATA fuori dall'elemento radice")
                    }
                    if handler.wantsText {
                        try handler.text(try Self.utf8(input, (position + 9)..<end))
                    }
                    position = end + 3
                } else if position + 9 <= count || final {
                    throw XMLSyntaxError(message: "dichiarazioni DOCTYPE ed ENTITY non sono ammesse")
                } else {
                    return position
                }
            case Byte.question:
                guard let end = Self.find("?>", in: input, from: from(position + 2)) else { return unfinished(overlap: 2) }
                position = end + 2
            case Byte.slash:
                guard let end = Self.find(Byte.greaterThan, in: input, from: from(position + 2)) else { return unfinished() }
                var nameEnd = end
                while nameEnd > position + 2 && Byte.isSpace(input[nameEnd - 1]) { nameEnd -= 1 }
                let name = try Self.utf8(input, (position + 2)..<nameEnd)
                guard let open = openElements.popLast() else {
                    throw XMLSyntaxError(message: "chiusura </\(Self.clipped(name))> senza apertura")
                }
                guard open == name else {
                    throw XMLSyntaxError(message: "chiusura </\(Self.clipped(name))> dove si attendeva </\(Self.clipped(open))>")
                }
                try handler.endElement(Self.localName(name))
                position = end + 1
            default:
                var quote = position == start ? resumedQuote : 0
                guard let end = try Self.findTagEnd(in: input, from: from(position + 1), quote: &quote) else {
                    return unfinished(quote: quote)
                }
                try handleStartTag(input, (position + 1)..<end, into: &handler)
                position = end + 1
            }
        }
        return position
    }

    private func handleText<H: XMLTokenHandler>(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into handler: inout H
    ) throws {
        if openElements.isEmpty {
            for index in range where !Byte.isSpace(input[index]) {
                throw XMLSyntaxError(message: "testo fuori dall'elemento radice")
            }
            return
        }
        guard handler.wantsText, !range.isEmpty else { return }
        try handler.text(try Self.decode(input, range))
    }

    /// `name attr="value" attr2='value'` or the same ending with `/`.
    private mutating func handleStartTag<H: XMLTokenHandler>(
        _ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into handler: inout H
    ) throws {
        var end = range.upperBound
        let selfClosing = end > range.lowerBound && input[end - 1] == Byte.slash
        if selfClosing { end -= 1 }
        var index = range.lowerBound
        while index < end && !Byte.isSpace(input[index]) { index += 1 }
        guard index > range.lowerBound else { throw XMLSyntaxError(message: "tag senza nome") }
        let name = try Self.utf8(input, range.lowerBound..<index)
        attributes.removeAll(keepingCapacity: true)
        while true {
            while index < end && Byte.isSpace(input[index]) { index += 1 }
            if index >= end { break }
            let nameStart = index
            while index < end && input[index] != Byte.equals && !Byte.isSpace(input[index]) { index += 1 }
            let attributeName = try Self.utf8(input, nameStart..<index)
            while index < end && Byte.isSpace(input[index]) { index += 1 }
            guard index < end, input[index] == Byte.equals else {
                throw XMLSyntaxError(message: "attributo «\(Self.clipped(attributeName))» senza valore in <\(Self.clipped(name))>")
            }
            index += 1
            while index < end && Byte.isSpace(input[index]) { index += 1 }
            guard index < end, input[index] == Byte.quote || input[index] == Byte.apostrophe else {
                throw XMLSyntaxError(message: "valore dell'attributo «\(Self.clipped(attributeName))» senza virgolette in <\(Self.clipped(name))>")
            }
            let quote = input[index]
            let valueStart = index + 1
            guard let valueEnd = Self.find(quote, in: input, from: valueStart), valueEnd < end else {
                throw XMLSyntaxError(message: "valore dell'attributo «\(Self.clipped(attributeName))» non chiuso in <\(Self.clipped(name))>")
            }
            attributes.append(XMLAttribute(name: Self.localName(attributeName), value: try Self.decode(input, valueStart..<valueEnd)))
            index = valueEnd + 1
        }
        if openElements.isEmpty {
            guard !sawRoot else { throw XMLSyntaxError(message: "più di un elemento radice") }
            sawRoot = true
        }
        let local = Self.localName(name)
        try handler.startElement(local, attributes: attributes)
        if selfClosing {
            try handler.endElement(local)
        } else {
            openElements.append(name)
        }
    }

    // MARK: Bytes

    private enum Byte {
        static let lessThan = UInt8(ascii: "<")
        static let greaterThan = UInt8(ascii: ">")
        static let slash = UInt8(ascii: "/")
        static let exclamation = UInt8(ascii: "!")
        static let question = UInt8(ascii: "?")
        static let equals = UInt8(ascii: "=")
        static let quote = UInt8(ascii: "\"")
        static let apostrophe = UInt8(ascii: "'")
        static let ampersand = UInt8(ascii: "&")
        static let semicolon = UInt8(ascii: ";")
        static let carriageReturn = UInt8(ascii: "\r")
        static let lineFeed = UInt8(ascii: "\n")

        static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }

    /// A name as an error message shows it: at most 40 characters.
    private static func clipped(_ name: String) -> String {
        name.count > 40 ? name.prefix(40) + "…" : name
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    private static func find(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private static func find(_ marker: StaticString, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let first = marker.utf8Start.pointee
        var position = start
        while let candidate = find(first, in: input, from: position) {
            if hasPrefix(marker, in: input, at: candidate) { return candidate }
            if candidate + marker.utf8CodeUnitCount > input.count { return nil }
            position = candidate + 1
        }
        return nil
    }

    private static func hasPrefix(_ marker: StaticString, in input: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let length = marker.utf8CodeUnitCount
        guard position + length <= input.count else { return false }
        let pointer = marker.utf8Start
        for offset in 0..<length where input[position + offset] != pointer[offset] { return false }
        return true
    }

    /// The closing `>` of a start tag, skipping any inside quoted attribute values; `quote` is the quote the
    /// search starts inside (0 for none) and, when the end is not found, the one it stopped inside.
    private static func findTagEnd(in input: UnsafeBufferPointer<UInt8>, from start: Int, quote: inout UInt8) throws -> Int? {
        var index = start
        while index < input.count {
            let byte = input[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == Byte.quote || byte == Byte.apostrophe {
                quote = byte
            } else if byte == Byte.greaterThan {
                return index
            } else if byte == Byte.lessThan {
                throw XMLSyntaxError(message: "carattere «<» dentro un tag")
            }
            index += 1
        }
        return nil
    }

    private static func utf8(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> String {
        guard let text = String(validating: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self) else {
            throw XMLSyntaxError(message: "testo non UTF-8")
        }
        return text
    }

    /// Text or an attribute value: entities and character references replaced, line ends normalised to LF.
    private static func decode(_ input: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) throws -> String {
        let slice = UnsafeBufferPointer(rebasing: input[range])
        if !slice.contains(Byte.ampersand) && !slice.contains(Byte.carriageReturn) {
            return try utf8(input, range)
        }
        var output: [UInt8] = []
        output.reserveCapacity(slice.count)
        var index = 0
        while index < slice.count {
            let byte = slice[index]
            if byte == Byte.carriageReturn {
                output.append(Byte.lineFeed)
                if index + 1 < slice.count && slice[index + 1] == Byte.lineFeed { index += 1 }
                index += 1
                continue
            }
            guard byte == Byte.ampersand else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < slice.count && slice[end] != Byte.semicolon && end - index <= 12 { end += 1 }
            guard end < slice.count, slice[end] == Byte.semicolon else {
                throw XMLSyntaxError(message: "carattere «&» non seguito da un'entità valida")
            }
            let entity = String(decoding: UnsafeBufferPointer(rebasing: slice[(index + 1)..<end]), as: UTF8.self)
            switch entity {
            case "lt": output.append(Byte.lessThan)
            case "gt": output.append(Byte.greaterThan)
            case "amp": output.append(Byte.ampersand)
            case "quot": output.append(Byte.quote)
            case "apos": output.append(Byte.apostrophe)
            default:
                guard entity.hasPrefix("#"), let scalar = characterReference(entity.dropFirst()) else {
                    throw XMLSyntaxError(message: "entità «&\(entity);» sconosciuta")
                }
                output.append(contentsOf: Array(String(Character(scalar)).utf8))
            }
            index = end + 1
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw XMLSyntaxError(message: "testo non UTF-8")
        }
        return text
    }

    private static func characterReference(_ text: Substring) -> Unicode.Scalar? {
        let value: UInt32?
        if text.hasPrefix("x") || text.hasPrefix("X") {
            value = UInt32(text.dropFirst(), radix: 16)
        } else {
            value = UInt32(text, radix: 10)
        }
        return value.flatMap(Unicode.Scalar.init)
    }
}
