import Foundation
import TraguardoFuzzing

/// `fuzz-italian-value`: values as a person types them, one per line (`FuzzTargets.italianValue`).
@main
enum FuzzItalianValue {
    static func main() { FuzzEntry.main(FuzzTargets.italianValue) }
}

#if FUZZING
/// What libFuzzer calls with each input, whichever `main` the linker kept (its own or `FuzzEntry.main`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    FuzzTargets.italianValue(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#endif
