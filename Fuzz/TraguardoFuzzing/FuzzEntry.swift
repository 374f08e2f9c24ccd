import Foundation

/// The `main` of every fuzz executable. Built by `scripts/fuzz` (`-sanitize=fuzzer -DFUZZING`) it hands the
/// command line to libFuzzer's driver, which calls the target with each input it makes; built normally it replays
/// the files (or folders of files) named on the command line: `swift run fuzz-plan-file crash-…` shows what a
/// finding does.
///
/// SwiftPM links an executable with `main` pointing to the module's own entry point (`--defsym`), which may win
/// over libFuzzer's `main`: then the entry point starts libFuzzer's driver (`LLVMFuzzerRunDriver`) itself.
public enum FuzzEntry {
    public static func main(_ target: @escaping @Sendable (Data) -> Void) {
        #if FUZZING
        current = target
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in
            FuzzEntry.current?(bytes.map { Data(bytes: $0, count: count) } ?? Data())
            return 0
        })
        #else
        replay(target)
        #endif
    }

    #if FUZZING
    nonisolated(unsafe) static var current: (@Sendable (Data) -> Void)?
    #endif

    static func replay(_ target: (Data) -> Void) {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                FileHandle.standardError.write(Data("«\(path)» non esiste\n".utf8))
                exit(2)
            }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                target(data)
                count += 1
            }
        }
        print("\(count) ingressi riletti senza arresti")
    }
}

#if FUZZING
/// libFuzzer's driver (`FuzzerInterface.h`), in the runtime `-sanitize=fuzzer` links.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
