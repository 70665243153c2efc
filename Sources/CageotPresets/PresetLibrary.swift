import CageotLayout
import Foundation
import Yams

/// The presets of a `layouts/` folder: one YAML file per named layout, `extends` for variations,
/// and `layouts/groups/<groupId>.yaml` as a group's own default.
public struct PresetLibrary: Sendable {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// `--layout NAME|PATH`, else the group's own default when it is of that kind, else the kind's
    /// shipped preset (`all`, `grid`, `variable`, `matrix`); `--set key=value` applied last.
    /// A named preset of another kind is refused: a grid preset cannot lay out a session's sheet.
    public func load(_ nameOrPath: String?, groupId: Int? = nil, overrides: [String] = [],
                     kind: SheetPreset.Kind? = nil) throws(PresetError) -> SheetPreset {
        var preset: SheetPreset
        let wanted = kind ?? .session
        if let nameOrPath {
            preset = try loadFile(try resolve(nameOrPath), chain: [])
            if let kind, preset.kind != kind {
                throw PresetError(file: nameOrPath, line: nil, key: "kind",
                                  message: "this preset makes a \(preset.kind.rawValue) sheet, not a \(kind.rawValue) sheet; use a \(kind.rawValue) preset such as \(SheetPreset.defaultName(for: kind))")
            }
        } else if let groupId, let own = existing(directory.appendingPathComponent("groups/\(groupId)")),
                  let groupPreset = Optional(try loadFile(own, chain: [])), groupPreset.kind == wanted {
            preset = groupPreset
        } else if let standard = existing(directory.appendingPathComponent(SheetPreset.defaultName(for: wanted))) {
            preset = try loadFile(standard, chain: [])
        } else {
            preset = SheetPreset()
            preset.kind = wanted
        }
        return try Self.override(preset, with: overrides)
    }

    /// Applies `--set key=value` options (`font.size=11`, `columns=[basket, household, signature]`).
    public static func override(_ preset: SheetPreset, with sets: [String]) throws(PresetError) -> SheetPreset {
        var preset = preset
        let parser = PresetParser(file: "--set")
        for set in sets {
            guard let equals = set.firstIndex(of: "="), equals != set.startIndex else {
                throw PresetError(file: "--set", line: nil, key: set, message: "write it as key=value, e.g. --set font.size=11")
            }
            let key = String(set[..<equals]).trimmingCharacters(in: .whitespaces)
            let text = String(set[set.index(after: equals)...])
            let node: Node
            do {
                node = try Yams.compose(yaml: text) ?? Node("")
            } catch {
                throw PresetError(file: "--set", line: nil, key: key, message: "cannot read the value \"\(text)\"")
            }
            try parser.apply(key, node, to: &preset)
        }
        return preset
    }

    /// Every preset of the folder, by name, with its description.
    public func list() -> [(name: String, description: String, path: String)] {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .map { url in
                let description = (try? String(contentsOf: url, encoding: .utf8))
                    .flatMap { try? Yams.compose(yaml: $0) }
                    .flatMap { $0["description"]?.string } ?? ""
                return (url.deletingPathExtension().lastPathComponent, description, url.path)
            }
    }

    /// The presets of one kind, by name, with their description (a preset that does not load is left out).
    public func list(kind: SheetPreset.Kind) -> [(name: String, description: String)] {
        list().filter { (try? load($0.name))?.kind == kind }.map { ($0.name, $0.description) }
    }

    /// Checks a preset file completely (`cageot layouts check FILE`).
    public func check(_ path: String) throws(PresetError) -> SheetPreset {
        try loadFile(try resolve(path), chain: [])
    }

    // MARK: - Files

    func resolve(_ nameOrPath: String) throws(PresetError) -> URL {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") {
            let url = URL(fileURLWithPath: nameOrPath)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw PresetError(file: nameOrPath, line: nil, key: nil, message: "no such file")
            }
            return url
        }
        guard let url = existing(directory.appendingPathComponent(nameOrPath)) else {
            let names = list().map(\.name).joined(separator: ", ")
            throw PresetError(file: "--layout", line: nil, key: nil,
                              message: "no preset \"\(nameOrPath)\" in \(directory.path); the presets are: \(names.isEmpty ? "(none)" : names)")
        }
        return url
    }

    func existing(_ base: URL) -> URL? {
        for ext in ["yaml", "yml"] {
            let url = base.appendingPathExtension(ext)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    func loadFile(_ url: URL, chain: [String]) throws(PresetError) -> SheetPreset {
        let label = url.path.hasPrefix(directory.deletingLastPathComponent().path + "/")
            ? String(url.path.dropFirst(directory.deletingLastPathComponent().path.count + 1)) : url.path
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PresetError(file: label, line: nil, key: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        let current = url.deletingPathExtension().lastPathComponent
        var base = SheetPreset()
        if let root = try? Yams.compose(yaml: text), let parent = root["extends"] {
            guard let name = parent.string, !name.isEmpty else {
                throw PresetError(file: label, line: parent.mark?.line, key: "extends", message: "expected the name of another preset")
            }
            guard !chain.contains(name) else {
                throw PresetError(file: label, line: parent.mark?.line, key: "extends", message: "presets extend each other in a loop: \((chain + [current, name]).joined(separator: " → "))")
            }
            base = try loadFile(try resolve(name), chain: chain + [current])
        }
        var preset = try PresetParser(file: label).parse(text, base: base)
        preset.name = current
        return preset
    }
}
