import CageotCore
import CageotLayout
import Foundation
import Yams

/// Reads a preset written in YAML (comments welcome) into a `SheetPreset`, checking every key and
/// value and naming the file, line and key of anything wrong. Unknown keys are errors, not ignored:
/// a typo would otherwise silently fall back to a default.
public struct PresetParser {
    /// Where the text comes from, for error messages (`layouts/all.yaml`, `--set`).
    public let file: String

    public init(file: String) { self.file = file }

    /// Parses `text` on top of `base` (the defaults, or the preset this one `extends`).
    public func parse(_ text: String, base: SheetPreset = SheetPreset()) throws(PresetError) -> SheetPreset {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw PresetError(file: file, line: nil, key: nil, message: "cannot read it (\(error))")
        }
        var preset = base
        guard let root else { return preset }
        guard case .mapping(let mapping) = root else {
            throw PresetError(file: file, line: root.mark?.line, key: nil, message: "a preset is a list of `key: value` lines")
        }
        for (key, value) in mapping {
            guard let name = key.string else {
                throw PresetError(file: file, line: key.mark?.line, key: nil, message: "keys must be words")
            }
            try apply(name, value, to: &preset)
        }
        return preset
    }

    /// Applies one option (`font.size`) from a YAML node.
    func apply(_ key: String, _ value: Node, to preset: inout SheetPreset) throws(PresetError) {
        let line = value.mark?.line
        func fail(_ message: String) -> PresetError { PresetError(file: file, line: line, key: key, message: message) }
        func nested(_ body: (String, Node) throws(PresetError) -> Void) throws(PresetError) {
            guard case .mapping(let mapping) = value else { throw fail("expected keys below it (e.g. `\(key):` then indented `size: 9`)") }
            for (k, v) in mapping {
                guard let name = k.string else { throw fail("keys must be words") }
                try body("\(key).\(name)", v)
            }
        }
        switch key {
        case "description", "extends": _ = try text(value, key)
        case "kind": preset.kind = try choice(value, key)
        case "variant": preset.variant = try choice(value, key)
        case "paper": try nested { k, v throws(PresetError) in try apply(k, v, to: &preset) }
        case "paper.size": preset.paper = try choice(value, key)
        case "paper.orientation": preset.orientation = try choice(value, key)
        case "paper.fallback": preset.fallback = try bool(value, key)
        case "margins-mm":
            if case .mapping = value {
                try nested { k, v throws(PresetError) in try apply(k, v, to: &preset) }
            } else {
                let all = try number(value, key, in: 0...50)
                preset.marginsMM = .init(top: all, right: all, bottom: all, left: all)
            }
        case "margins-mm.top": preset.marginsMM.top = try number(value, key, in: 0...50)
        case "margins-mm.right": preset.marginsMM.right = try number(value, key, in: 0...50)
        case "margins-mm.bottom": preset.marginsMM.bottom = try number(value, key, in: 0...50)
        case "margins-mm.left": preset.marginsMM.left = try number(value, key, in: 0...50)
        case "font": try nested { k, v throws(PresetError) in try apply(k, v, to: &preset) }
        case "font.family":
            let family = try text(value, key)
            guard let known = TextStyle.Family.allCases.first(where: { $0.presetName == family || $0.rawValue == family }) else {
                throw fail("no font \"\(family)\" in Fonts/; use one of: \(TextStyle.Family.allCases.map(\.presetName).joined(separator: ", "))")
            }
            preset.fontFamily = known
        case "font.size":
            preset.fontSize = try number(value, key, in: 5...30)
            preset.minFontSize = min(preset.minFontSize, preset.fontSize)
        case "font.min-size": preset.minFontSize = try number(value, key, in: 5...30)
        case "row-height-mm": preset.rowHeightMM = try number(value, key, in: 0...60)
        case "signature": try nested { k, v throws(PresetError) in try apply(k, v, to: &preset) }
        case "signature.width-mm": preset.signatureWidthMM = try number(value, key, in: 10...150)
        case "signature.height-mm": preset.signatureHeightMM = try number(value, key, in: 4...80)
        case "columns": preset.columns = try columns(value, key)
        case "names": preset.names = try choice(value, key)
        case "phones": preset.phones = try bool(value, key)
        case "sort": preset.sort = try choice(value, key)
        case "zebra": preset.zebra = try bool(value, key)
        case "group-by": preset.groupBy = try choice(value, key)
        case "page-break-per-group": preset.pageBreakPerGroup = try bool(value, key)
        case "title": preset.title = try text(value, key)
        case "subtitle": preset.subtitle = try text(value, key)
        case "footer": preset.footer = try text(value, key)
        case "blocks":
            guard case .sequence(let items) = value else { throw fail("expected a list, e.g. [logo, volunteers, notes]") }
            var blocks: [SheetPreset.Block] = []
            for item in items { blocks.append(try choice(item, key)) }
            preset.blocks = blocks
        case "walk-ins": preset.walkInRows = Int(try number(value, key, in: 0...100))
        case "planning-sessions": preset.planningSessions = try whole(value, key, in: 0...12)
        case "grid": try nested { k, v throws(PresetError) in try apply(k, v, to: &preset) }
        case "grid.basket": preset.gridBasket = try kebab(value, key)
        case "grid.contact": preset.gridContact = try kebab(value, key)
        case "grid.date-format": preset.gridDateFormat = try kebab(value, key)
        default:
            let suggestion = Self.keys.min { distance($0, key) < distance($1, key) }.map { " (did you mean \($0)?)" } ?? ""
            throw fail("unknown option\(suggestion); the options are listed in docs/layouts.md")
        }
        if preset.minFontSize > preset.fontSize && (key == "font.min-size") {
            throw fail("the minimum size \(FrenchFormat.decimal(Decimal(preset.minFontSize))) is larger than font.size \(FrenchFormat.decimal(Decimal(preset.fontSize)))")
        }
    }

    /// Every option a preset may set, for `did you mean` and the docs.
    public static let keys = [
        "description", "extends", "kind", "variant", "paper.size", "paper.orientation", "paper.fallback",
        "margins-mm", "font.family", "font.size", "font.min-size", "row-height-mm", "signature.width-mm",
        "signature.height-mm", "columns", "names", "phones", "sort", "zebra", "group-by", "page-break-per-group", "title", "subtitle", "footer",
        "blocks", "walk-ins", "planning-sessions", "grid.basket", "grid.contact", "grid.date-format",
    ]

    // MARK: - Values

    func text(_ node: Node, _ key: String) throws(PresetError) -> String {
        guard case .scalar(let scalar) = node else {
            throw PresetError(file: file, line: node.mark?.line, key: key, message: "expected a text")
        }
        return scalar.string
    }

    func number(_ node: Node, _ key: String, in range: ClosedRange<Double>) throws(PresetError) -> Double {
        guard case .scalar = node, let value = node.float ?? node.int.map(Double.init), value.isFinite else {
            throw PresetError(file: file, line: node.mark?.line, key: key, message: "expected a number, not \"\(node.string ?? "a list")\"")
        }
        guard range.contains(value) else {
            throw PresetError(file: file, line: node.mark?.line, key: key,
                              message: "\(FrenchFormat.decimal(Decimal(value))) is out of range; use a value from \(FrenchFormat.decimal(Decimal(range.lowerBound))) to \(FrenchFormat.decimal(Decimal(range.upperBound)))")
        }
        return value
    }

    /// A whole number in `range` (`planning-sessions: 4`; `4.5` is refused, not rounded).
    func whole(_ node: Node, _ key: String, in range: ClosedRange<Int>) throws(PresetError) -> Int {
        let value = try number(node, key, in: Double(range.lowerBound)...Double(range.upperBound))
        guard value == value.rounded() else {
            throw PresetError(file: file, line: node.mark?.line, key: key, message: "expected a whole number, not \(FrenchFormat.decimal(Decimal(value)))")
        }
        return Int(value)
    }

    func bool(_ node: Node, _ key: String) throws(PresetError) -> Bool {
        guard case .scalar = node, let value = node.bool else {
            throw PresetError(file: file, line: node.mark?.line, key: key, message: "expected true or false, not \"\(node.string ?? "a list")\"")
        }
        return value
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ key: String) throws(PresetError) -> T where T.RawValue == String {
        let value = try text(node, key)
        guard let choice = T.allCases.first(where: { $0.rawValue.lowercased() == value.lowercased() }) else {
            throw PresetError(file: file, line: node.mark?.line, key: key,
                              message: "\"\(value)\" is not one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return choice
    }

    /// A choice whose Swift name is camelCase, written in kebab-case (`one-column`, `phone-and-email`).
    func kebab<T: RawRepresentable & CaseIterable>(_ node: Node, _ key: String) throws(PresetError) -> T where T.RawValue == String {
        let value = try text(node, key)
        func spelled(_ raw: String) -> String {
            raw.reduce(into: "") { out, ch in
                if ch.isUppercase { out += "-" + ch.lowercased() } else { out.append(ch) }
            }
        }
        guard let choice = T.allCases.first(where: { spelled($0.rawValue) == value.lowercased() }) else {
            throw PresetError(file: file, line: node.mark?.line, key: key,
                              message: "\"\(value)\" is not one of: \(T.allCases.map { spelled($0.rawValue) }.joined(separator: ", "))")
        }
        return choice
    }

    /// `[basket, household, product]` or a list of `{field: product, title: Article, width-mm: 60}`.
    func columns(_ node: Node, _ key: String) throws(PresetError) -> [SheetPreset.Column] {
        guard case .sequence(let items) = node, !items.isEmpty else {
            throw PresetError(file: file, line: node.mark?.line, key: key, message: "expected a non-empty list of columns, e.g. [basket, household, product, signature]")
        }
        var columns: [SheetPreset.Column] = []
        for item in items {
            let line = item.mark?.line
            if case .mapping(let mapping) = item {
                var field: SheetPreset.Column.Field?
                var title: String?
                var width: Double?
                for (k, v) in mapping {
                    switch k.string ?? "" {
                    case "field": field = try choice(v, "\(key).field")
                    case "title": title = try text(v, "\(key).title")
                    case "width-mm":
                        if v.string == "auto" { width = nil } else { width = try number(v, "\(key).width-mm", in: 5...300) }
                    default:
                        throw PresetError(file: file, line: k.mark?.line, key: "\(key).\(k.string ?? "?")",
                                          message: "unknown column option; use field, title and width-mm")
                    }
                }
                guard let field else {
                    throw PresetError(file: file, line: line, key: key, message: "a column needs a field (one of: \(SheetPreset.Column.Field.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                columns.append(SheetPreset.Column(field, title: title, widthMM: width))
            } else {
                columns.append(SheetPreset.Column(try choice(item, key)))
            }
        }
        let fields = columns.map(\.field)
        if let duplicate = fields.first(where: { f in fields.filter { $0 == f }.count > 1 }) {
            throw PresetError(file: file, line: node.mark?.line, key: key, message: "the column \(duplicate.rawValue) is listed twice")
        }
        return columns
    }

    func syntaxError(_ error: YamlError) -> PresetError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return PresetError(file: file, line: mark.line, key: nil, message: "not valid YAML: \(problem)")
        default:
            return PresetError(file: file, line: nil, key: nil, message: "not valid YAML: \(error)")
        }
    }
}

extension TextStyle.Family {
    /// The name a preset uses for it.
    public var presetName: String {
        switch self {
        case .sans: "sans"
        case .condensed: "condensed"
        }
    }
}

/// Levenshtein distance, for suggesting the option a typo meant.
func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in 1...max(b.count, 1) where !b.isEmpty {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return row[b.count]
}
