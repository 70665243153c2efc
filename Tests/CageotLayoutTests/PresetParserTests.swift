import CageotLayout
import CageotPresets
import Foundation
import Testing

struct PresetParserTests {
    let parser = PresetParser(file: "layouts/test.yaml")

    @Test func anEmptyPresetIsTheDefault() throws {
        #expect(try parser.parse("# nothing but a comment\n") == SheetPreset())
    }

    @Test func everyOptionIsRead() throws {
        let preset = try parser.parse("""
            kind: session
            variant: short
            paper: {size: A3, orientation: landscape, fallback: false}
            margins-mm: {top: 12, right: 8, bottom: 12, left: 8}
            font: {family: sans, size: 11, min-size: 8}
            row-height-mm: 6
            signature: {width-mm: 40, height-mm: 15}
            columns:
              - basket
              - {field: household, title: Adhérent, width-mm: 60}
              - product
              - signature
            names: abbreviated
            phones: false
            sort: basket
            zebra: true
            title: "{group} — {place}"
            subtitle: Émargement
            footer: "page {page} / {pages}"
            blocks: [notes, walk-ins]
            walk-ins: 5
            """)
        #expect(preset.variant == .short && preset.paper == .a3 && preset.orientation == .landscape && !preset.fallback)
        #expect(preset.marginsMM == .init(top: 12, right: 8, bottom: 12, left: 8))
        #expect(preset.fontFamily == .sans && preset.fontSize == 11 && preset.minFontSize == 8 && preset.rowHeightMM == 6)
        #expect(preset.signatureWidthMM == 40 && preset.signatureHeightMM == 15)
        #expect(preset.columns.map(\.field) == [.basket, .household, .product, .signature])
        #expect(preset.columns[1].title == "Adhérent" && preset.columns[1].widthMM == 60)
        #expect(preset.names == .abbreviated && !preset.phones && preset.sort == .basket && preset.zebra)
        #expect(preset.title == "{group} — {place}" && preset.blocks == [.notes, .walkIns] && preset.walkInRows == 5)
    }

    @Test(arguments: [
        ("font:\n  size: 0\n", "layouts/test.yaml:2: font.size: 0 is out of range; use a value from 5 to 30"),
        ("kind: session\nfont:\n  sise: 9\n", "layouts/test.yaml:3: font.sise: unknown option (did you mean font.size?); the options are listed in docs/layouts.md"),
        ("columns: [basket, foo]\n", "layouts/test.yaml:1: columns: \"foo\" is not one of: basket, household, phone, quantity, product, contract, unit-price, amount, total, signature"),
        ("paper: {size: A5}\n", "layouts/test.yaml:1: paper.size: \"A5\" is not one of: A4, A3, Letter"),
        ("zebra: maybe\n", "layouts/test.yaml:1: zebra: expected true or false, not \"maybe\""),
        ("font:\n  size: grand\n", "layouts/test.yaml:2: font.size: expected a number, not \"grand\""),
        ("font:\n  family: Comic Sans\n", "layouts/test.yaml:2: font.family: no font \"Comic Sans\" in Fonts/; use one of: sans, condensed"),
        ("columns: [basket, basket]\n", "layouts/test.yaml:1: columns: the column basket is listed twice"),
        ("font: {size: 9, min-size: 10}\n", "layouts/test.yaml:1: font.min-size: the minimum size 10 is larger than font.size 9"),
        ("title: [\n", "layouts/test.yaml:2: not valid YAML: did not find expected node content"),
        ("- a\n- b\n", "layouts/test.yaml:1: a preset is a list of `key: value` lines"),
    ])
    func errorsNameFileLineAndKey(text: String, message: String) {
        do {
            _ = try parser.parse(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func gridOptionsAreReadInKebabCase() throws {
        let preset = try parser.parse("kind: grid\ngrid:\n  basket: per-product\n  contact: phone-and-email\n  date-format: long\n")
        #expect(preset.gridBasket == .perProduct && preset.gridContact == .phoneAndEmail && preset.gridDateFormat == .long)
        do {
            _ = try parser.parse("grid:\n  contact: fax\n")
            Issue.record("accepted a fax contact")
        } catch {
            #expect(error.description == "layouts/test.yaml:2: grid.contact: \"fax\" is not one of: none, phone, phone-and-email")
        }
    }

    @Test func aPresetOfAnotherKindIsRefused() throws {
        let library = PresetLibrary(directory: Self.layouts)
        do {
            _ = try library.load("grid", kind: .session)
            Issue.record("laid out a session with a grid preset")
        } catch {
            #expect(error.description == "grid: kind: this preset makes a grid sheet, not a session sheet; use a session preset such as all")
        }
        #expect(try library.load(nil, kind: .matrix).name == "matrix")
    }

    @Test func overridesApplyOneOption() throws {
        let preset = try PresetLibrary.override(SheetPreset(), with: ["font.size=11", "sort=basket", "columns=[basket, household, signature]"])
        #expect(preset.fontSize == 11 && preset.sort == .basket && preset.columns.map(\.field) == [.basket, .household, .signature])
        do {
            _ = try PresetLibrary.override(SheetPreset(), with: ["font.size"])
            Issue.record("accepted an override without a value")
        } catch {
            #expect(error.description == "--set: font.size: write it as key=value, e.g. --set font.size=11")
        }
    }

    static let layouts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("layouts")

    @Test func everyShippedPresetLoads() throws {
        let library = PresetLibrary(directory: Self.layouts)
        let names = library.list().map(\.name)
        #expect(Set(["all", "short", "household-per-page", "by-contract", "large-print", "privacy", "grid", "variable", "matrix"])
            .isSubset(of: Set(names)))
        for name in names {
            let preset = try library.load(name)
            #expect(preset.name == name)
            if preset.kind == .session { #expect(preset.fontSize >= 9, "\(name) prints below 9 pt") }
        }
        #expect(try library.load("grid").kind == .grid && library.load("variable").kind == .variable && library.load("matrix").kind == .matrix)
        #expect(try library.load("grid").gridContact == .phone)
        #expect(try library.load("large-print").fontSize == 13)
        #expect(try library.load("privacy").variant == .short)   // through `extends: short`, then `extends: all`
    }

    @Test func aGroupHasItsOwnDefault() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layouts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("groups"), withIntermediateDirectories: true)
        try "font:\n  size: 10\n".write(to: folder.appendingPathComponent("all.yaml"), atomically: true, encoding: .utf8)
        try "extends: all\nsort: basket\n".write(to: folder.appendingPathComponent("groups/12.yaml"), atomically: true, encoding: .utf8)
        let library = PresetLibrary(directory: folder)
        #expect(try library.load(nil, groupId: 12).sort == .basket)
        #expect(try library.load(nil, groupId: 12).fontSize == 10)
        #expect(try library.load(nil, groupId: 13).sort == .surname)
        #expect(try library.load("all", groupId: 12).sort == .surname)   // --layout wins over the group's default
    }

    @Test func unknownPresetsAndLoopsAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layouts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "extends: b\n".write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "extends: a\n".write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let library = PresetLibrary(directory: folder)
        #expect(throws: PresetError.self) { try library.load("a") }
        do { _ = try library.load("a") } catch { #expect(error.description.contains("in a loop: a → b → a")) }
        do { _ = try library.load("nope") } catch { #expect(error.description.contains("no preset \"nope\"") && error.description.contains("the presets are: a, b")) }
    }
}
