import ArgumentParser
import CageotPresets
import Foundation

/// How a sheet is laid out: a preset from layouts/ and single-option overrides.
struct PresetOptions: ParsableArguments {
    @Option(name: .long, help: "A preset name from layouts/ (all, short, household-per-page, by-contract, large-print, privacy…) or a path to a preset file. Default: layouts/groups/<groupId>.yaml if the group has one, else all.")
    var layout: String?

    @Option(name: .long, help: "Override one preset option, e.g. --set font.size=11 --set sort=basket (repeatable; see docs/layouts.md).")
    var set: [String] = []

    /// Loads the preset once, so that a wrong one is reported before connecting to anything.
    func check(layoutsDirectory: URL) throws {
        _ = try PresetLibrary(directory: layoutsDirectory).load(layout, overrides: set)
    }
}
