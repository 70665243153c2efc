import CageotCosts
import CageotLayout
import CageotPresets
import Foundation

/// The libFuzzer entry of the preset and cost-file parsers (built and run by `scripts/fuzz`).
/// `CAGEOT_FUZZ_TARGET` says which parser the bytes go to:
/// - `presets`: a preset file (`layouts/*.yaml`), then each of its lines as a `--set key=value`;
/// - `costs`: a cost file (`docs/costs.example.toml`).
/// Every input must give a value or a thrown error: a trap, a hang or an overflow is a finding.
func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    // The loaders refuse bytes that are not UTF-8; repaired text reaches the parser like any other.
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    switch FuzzTarget.current {
    case .presets:
        _ = try? PresetParser(file: "fuzz.yaml").parse(text)
        let sets = text.split(separator: "\n", maxSplits: 16).map(String.init)
        _ = try? PresetLibrary.override(SheetPreset(), with: sets)
    case .costs:
        // The parse runs TOMLKit, then on accepted text the source map that names lines in errors.
        _ = try? CostFile.parse(text, path: "fuzz.toml")
    }
    return 0
}

enum FuzzTarget: String {
    case presets, costs

    static let current: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["CAGEOT_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("cageot-fuzz: set CAGEOT_FUZZ_TARGET to presets or costs (not \"\(name)\")\n".utf8))
            exit(2)
        }
        return target
    }()
}

/// libFuzzer's own driver, which its `main` calls. SwiftPM gives an executable a `main` of its own
/// (it links `main` to this module's entry), so this file is that entry and hands over to libFuzzer.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
