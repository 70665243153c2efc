import CPango
import CageotLayout
@testable import CageotPDF
import Foundation
import Testing

/// A plain one-line text shaped alone (`LineShaper`), or broken into such lines where Pango breaks
/// it (`LineShaper.wrapped`), measures and draws exactly as the Pango layout of the same text
/// would: same extents to the Pango unit, same glyphs at the same places, same clusters. Texts it
/// does not take go to the layout.
@Suite struct LineShaperTests {
    let fonts: FontContext

    init() throws { fonts = try FontContext(fontsDirectory: Fixtures.fontsDirectory) }

    static let texts = [
        "Élodie Le Goff", "Françoise Bénard-Rouxel", "Jean-Noël Œuvray", "ŁUKASZ Źdźbło", "Ærø Ångström", "Ŀlum Ŀ",
        "12,50\u{A0}€", "1\u{202F}234,56\u{A0}€", "2 × 0,5 kg", "Total : 1 234,56 €", "0123456789",
        "samedi 5 décembre 2026", "06 12 34 56 78", "elodie.legoff@example.org", "Les paniers non récupérés à la fin",
        "fi ffl ffi", "« Panier » — “légumes” – ‘œufs’…", "(boîte de 12)", "#1 *2", "© ® ‰ ‼ ⁉", "Tél.",
        "AV To Wa Yo T. L' P, F. r.", "½ ¼ ¾ °C µg ª º", "   ", " ", "abc ", " abc", "x", "W", "€", "ÿ Ÿ ß ẞ ạ ờ",
        "Œufs fins (boîte de 12) — 12,50 €", "Ferme de Kervœn", "AMAP du Jardin de Rezé", "n° 42", "1er", "a · b • c",
    ]

    /// Texts the line shaper must leave to Pango: other scripts, missing glyphs, controls, breaks,
    /// bidirectional and invisible characters.
    static let layoutOnly = [
        "", "Nom 漢 Prénom", "سلام", "a\n\nb", "a\n", "\nb", "a\r\nb", "a\tb", "soft\u{AD}hyphen", "a\u{200B}b", "x\u{202E}y", "line\u{2028}sep",
        "emoji 🍅", "e\u{301}", "Ωmega", "Привет", "\u{7F}del", "nbsp\u{2060}joiner", "\u{FEFF}bom",
    ]

    /// Several lines, as a household's cell has them (name, phones, balance).
    static let multiline = [
        "N'DIAYE Camille\n06 43 25 42 37\nSolde : -289,76 € · à payer : 289,76 € et plus encore pour qu'elle se replie",
        "N'DIAYE Camille\n06 43 25 42 37\nSolde : -289,76 € · à payer : 289,76 €", "a\nb", "   \nabc", "abc\n   ", "  \n ",
        "DA SILVA Mamadou / MOREAU Émilie\n06 26 23 63 12\n06 19 20 54 03\nSolde : 0,00 € · à payer : 0,00 €", "W\niiii\nMMMMMMM",
    ]

    /// Sentences to break into lines: kerned pairs around the spaces ("T. A", "V y"), accents,
    /// no-break spaces that must not break, double spaces, hyphens and slashes Pango may break at.
    static let prose = [
        "Solde : -1\u{202F}289,76\u{A0}€ · à payer : 1\u{202F}289,76\u{A0}€", "Les paniers non récupérés à la fin de la distribution sont donnés",
        "AV To Wa Yo T. A V y L' T, P. F. r. W. Y. Te Ty", "Œufs fins (boîte de 12) — 12,50 € le panier, livrés chaque jeudi",
        "un  deux   trois    quatre", "Jean-Noël et Marie-Thérèse / Ferme du Bois", "Vérifiez l'adresse : 12 rue de la Paix, 44000 Nantes",
        "ffi ffl fi fl ff — « Panier » « Légumes » … ‘œufs’ “lait”", "Ŀlum Ŀ Ærø Ångström ŁUKASZ Źdźbło ẞ ß ạ ờ ÿ Ÿ",
    ]

    static let styles: [TextStyle] = TextStyle.Family.allCases.flatMap { family in
        [false, true].flatMap { bold in [7.5, 9, 14].map { TextStyle(family: family, size: $0, bold: bold) } }
    }

    /// Random texts mixing the characters the shaper takes with a few it does not (fixed seed).
    static let randomTexts: [String] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet = Array("aAbBfFiIlLtTvVwWyYoO0123456789 ,.;:'\"-–—…«»€$£%&()/·×éèêëàâäîïôöùûüçÉÈÀÇŒœÆæßñÑŁłőŰ\u{A0}\u{202F}ĳ°±²³½")
            + Array("漢ω\u{301}\u{200B}\t")
        return (0..<400).map { _ in String((0..<(1 + next(24))).map { _ in alphabet[next(alphabet.count - (next(20) == 0 ? 0 : 5))] }) }
    }()

    @Test func plainTextIsShapedAlone() {
        for style in Self.styles {
            for text in Self.multiline {
                guard case .paragraphs = fonts.placed(text, style: style, width: nil, maxHeight: nil) else {
                    Issue.record("\(text.debugDescription) in \(style) went to a layout")
                    continue
                }
            }
            for text in Self.texts {
                guard case .line = fonts.placed(text, style: style, width: nil, maxHeight: nil) else {
                    Issue.record("\(text.debugDescription) in \(style) went to a layout")
                    continue
                }
            }
            for text in Self.layoutOnly {
                guard case .layout = fonts.placed(text, style: style, width: nil, maxHeight: nil) else {
                    Issue.record("\(text.debugDescription) in \(style) was shaped alone")
                    continue
                }
            }
        }
    }

    @Test(arguments: [TextStyle.Alignment.left, .center, .right])
    func aShapedLineIsWhatPangoLaysOut(alignment: TextStyle.Alignment) {
        var compared = 0
        var mixed = 0  // paragraphs shaped alone beside one wrapped by its own layout
        var wrapped = 0  // texts broken into more lines than they have paragraphs
        for base in Self.styles {
            let style = base.with(alignment: alignment)
            let random = Self.randomTexts
            let joined = stride(from: 0, to: random.count - 2, by: 3).map { random[$0 ..< $0 + 3].joined(separator: "\n") }
            for text in Self.texts + Self.multiline + Self.prose + random + joined {
                let natural = fonts.placed(text, style: style, width: nil, maxHeight: nil).extents.logical.width
                let points = Double(natural) / Double(PANGO_SCALE)
                let narrower = [0.8, 0.62, 0.45, 0.3, 0.17].map { points * $0 }
                for width in [nil, points, points + 0.37, points * 1.5 + 3, points - 0.5] + narrower as [Double?] {
                    let placed = fonts.placed(text, style: style, width: width, maxHeight: nil)
                    if case .layout = placed { continue }
                    compared += 1
                    if case let .paragraphs(paragraphs) = placed, paragraphs.contains(where: { if case .layout = $0 { true } else { false } }) {
                        mixed += 1
                    }
                    let place = "\(text.debugDescription) in \(style) at width \(width.map { "\($0)" } ?? "nil")"
                    let pango = fonts.entry(text, style: style, width: width, maxHeight: nil)
                    var ink = PangoRectangle()
                    var logical = PangoRectangle()
                    pango_layout_get_extents(pango.layout, &ink, &logical)
                    if case let .paragraphs(paragraphs) = placed {
                        let lines = paragraphs.reduce(Int32(0)) { lines, paragraph in
                            guard case let .layout(entry) = paragraph else { return lines + 1 }
                            return lines + pango_layout_get_line_count(entry.layout)
                        }
                        #expect(lines == pango_layout_get_line_count(pango.layout), "lines: \(place)")
                        if paragraphs.count > text.utf8.count(where: { $0 == UInt8(ascii: "\n") }) + 1 { wrapped += 1 }
                    }
                    let extents = placed.extents
                    #expect(same(extents.logical, logical), "logical \(extents.logical) vs \(logical): \(place)")
                    #expect(same(extents.ink, ink), "ink \(extents.ink) vs \(ink): \(place)")
                    // Both drawn at an odd place on the page: the same glyphs at the same doubles
                    // (a paragraph with a glyph the fonts lack leaves the whole text to Pango).
                    #expect(placed.hasGlyphs == (pango.glyphs != nil), "\(place)")
                    guard placed.hasGlyphs else { continue }
                    let shaped = GlyphBatch()
                    let laidOut = GlyphBatch()
                    #expect(placed.addGlyphs(to: shaped, x: 31.7, y: 402.13))
                    #expect(PlacedText.layout(pango).addGlyphs(to: laidOut, x: 31.7, y: 402.13))
                    #expect(shaped.pending.count == laidOut.pending.count, "\(place)")
                    for (a, b) in zip(shaped.pending, laidOut.pending) {
                        #expect(a.font == b.font && a.text == b.text, "\(place)")
                        #expect(a.clusters.map { [$0.num_bytes, $0.num_glyphs] } == b.clusters.map { [$0.num_bytes, $0.num_glyphs] }, "\(place)")
                        #expect(a.glyphs.map(\.index) == b.glyphs.map(\.index), "\(place)")
                        #expect(a.glyphs.map(\.x) == b.glyphs.map(\.x) && a.glyphs.map(\.y) == b.glyphs.map(\.y), "glyphs moved: \(place)")
                    }
                }
            }
        }
        #expect(compared > 10_000, "\(compared) lines compared")
        #expect(mixed > 500, "\(mixed) texts with a paragraph left to its own layout compared")
        #expect(wrapped > 2_000, "\(wrapped) texts broken into lines compared")
        print("LineShaperTests \(alignment): \(compared) compared, \(wrapped) broken into lines, \(mixed) with a layout")
    }

    @Test func tooNarrowOrCutTextGoesToALayout() {
        let style = Fixtures.cell
        let natural = fonts.placed(Fixtures.frenchLine, style: style, width: nil, maxHeight: nil).extents.logical
        guard case let .paragraphs(lines) = fonts.placed(Fixtures.frenchLine, style: style, width: Double(natural.width) / Double(PANGO_SCALE) - 1, maxHeight: nil),
              lines.count == 2
        else { Issue.record("a text wider than its frame must be broken into two lines"); return }
        let word = fonts.placed("Ferme", style: style, width: nil, maxHeight: nil).extents.logical
        guard case .layout = fonts.placed("Ferme du Bois", style: style, width: Double(word.width) / Double(PANGO_SCALE) - 1, maxHeight: nil)
        else { Issue.record("a word wider than its frame is Pango's to break"); return }
        guard case .layout = fonts.placed(Fixtures.frenchLine, style: style, width: 400, maxHeight: 5)
        else { Issue.record("a height limit is Pango's"); return }
    }

    private func same(_ a: PangoRectangle, _ b: PangoRectangle) -> Bool {
        a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height
    }
}
