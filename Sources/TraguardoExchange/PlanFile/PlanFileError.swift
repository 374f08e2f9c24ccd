/// One mistake in a plan file: where it is (file, line, field), what was found and what was expected.
public struct PlanFileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    /// The key path, as `albero[3].indicatori[0].target`.
    public var field: String
    public var message: String

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        let place = line.map { "\(file), riga \($0)" } ?? file
        return field.isEmpty ? "\(place): \(message)" : "\(place), \(field): \(message)"
    }
}

/// Every mistake found in one read: nothing is returned (and nothing written) when there is any.
public struct PlanFileErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [PlanFileError]

    public init(_ errors: [PlanFileError]) {
        self.errors = errors
    }

    public var description: String {
        let count = errors.count == 1 ? "1 errore" : "\(errors.count) errori"
        return "\(count) nei file del piano, nulla è stato letto:\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// Collects the errors of a read, in the order they are found.
final class Diagnostics {
    private(set) var errors: [PlanFileError] = []

    func add(_ error: PlanFileError) {
        errors.append(error)
    }
}
