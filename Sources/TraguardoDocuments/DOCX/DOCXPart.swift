import Foundation

/// One part of a WordprocessingML package: its path inside the ZIP (`word/document.xml`) and its bytes.
public struct DOCXPart: Hashable, Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }

    init(path: String, xml: String) {
        self.init(path: path, data: Data(xml.utf8))
    }
}
