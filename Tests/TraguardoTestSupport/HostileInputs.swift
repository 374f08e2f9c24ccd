/// Inputs written to hurt, shared by the tests of the reader, the command line and the server.
public enum HostileInputs {
    /// «Billion laughs» in a plan file's `metodologia.regole`, after `head` (which ends with a newline): ten values,
    /// then `levels - 1` lists of ten aliases to the list before, 10^levels values from a few hundred bytes.
    /// The first anchor (`&a0`) is on the line after `head` plus 2.
    public static func aliasBomb(after head: String, levels: Int = 10) -> String {
        head + "metodologia:\n  regole:\n    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + (1..<levels).map { "    a\($0): &a\($0) [" + Array(repeating: "*a\($0 - 1)", count: 10).joined(separator: ", ") + "]\n" }.joined()
    }
}
