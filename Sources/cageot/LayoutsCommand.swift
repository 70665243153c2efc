import ArgumentParser
import CageotApp
import CageotLayout
import CageotPresets
import Foundation

/// `cageot layouts list|check`: the presets of layouts/.
struct LayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layouts", abstract: "List the sheet presets, or check a preset file.",
        subcommands: [List.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the presets of layouts/ with their descriptions.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let library = PresetLibrary(directory: try global.environment().layoutsDirectory)
            for preset in library.list() {
                print("\(preset.name.padding(toLength: 20, withPad: " ", startingAt: 0)) \(preset.description)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check a preset file: every key, type and size; exit 1 with file:line: key: reason if wrong.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A preset name or file.") var file: String

        func run() throws {
            try Failure.report {
                let environment = try global.environment()
                let preset = try PresetLibrary(directory: environment.layoutsDirectory).check(file)
                do {
                    try DocumentFactory(environment: environment).checkFits(preset)
                } catch let error as LayoutError {
                    throw CLIError("\(file): columns: \(error.reason).")
                }
                let variant = preset.kind == .session ? ", \(preset.variant.rawValue)" : ""
                print("\(file): ok (\(preset.kind.rawValue)\(variant), \(preset.paper.rawValue) \(preset.orientation.rawValue), \(preset.fontSize) pt)")
            }
        }
    }
}
