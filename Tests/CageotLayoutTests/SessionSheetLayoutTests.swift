import CageotCore
import CageotDocuments
import CageotLayout
import Testing

struct SessionSheetLayoutTests {
    let measurer = FixedWidthMeasurer()

    func sheet(households: Int, linesEach: Int, notes: String? = "Merci d'apporter vos sacs !") -> SessionSheet {
        var lines: [OrderLine] = []
        var members: [Member] = []
        for h in 0..<households {
            members.append(Member(id: h + 1, firstName: "Prénom\(h)", lastName: String(format: "NOM%03d", h), phone: "06 00 00 00 \(h % 100)"))
            for l in 0..<linesEach {
                lines.append(OrderLine(id: h * 1000 + l, basketId: h + 1, basketNumber: h + 1, householdId: h + 1, contractId: 1,
                                       contractName: "Légumes", product: ProductInfo(id: l, name: "Produit \(l)"),
                                       quantity: 1, unitPrice: 2))
            }
        }
        let session = SessionInfo(id: 1, groupId: 1, groupName: "AMAP Test", hidePhone: false, txtDistrib: notes, currency: "€",
                                  placeName: "Salle", placeAddress: "", start: LocalDateTime(iso: "2026-12-03 18:00")!,
                                  end: LocalDateTime(iso: "2026-12-03 19:30")!)
        return SessionSheet(SessionSheetData(session: session, volunteers: [], members: members, lines: lines))
    }

    func texts(_ page: Page) -> [(String, Rect)] {
        page.items.compactMap { if case let .text(text, frame, _) = $0 { return (text, frame) } else { return nil } }
    }

    @Test func columnHeaderRepeatsOnEveryPage() throws {
        let pages = try SessionSheetLayout().layout(sheet(households: 60, linesEach: 3), measurer: measurer)
        #expect(pages.count > 2)
        for page in pages.dropLast() where texts(page).contains(where: { $0.0 == "Produit 0" }) {
            #expect(texts(page).contains { $0.0 == "Signature" })
        }
    }

    @Test func householdNeverSplitsAcrossPages() throws {
        let pages = try SessionSheetLayout().layout(sheet(households: 45, linesEach: 4), measurer: measurer)
        for h in 0..<45 {
            let name = String(format: "NOM%03d", h)
            let pagesWithIt = pages.indices.filter { i in texts(pages[i]).contains { $0.0.hasPrefix(name) } }
            #expect(pagesWithIt.count == 1, "household \(name) is on pages \(pagesWithIt)")
            let page = pages[pagesWithIt[0]]
            let lines = texts(page).filter { $0.0.hasPrefix("Produit ") }
            #expect(lines.count >= 4)
        }
    }

    @Test func nothingIsDrawnOutsideThePrintableArea() throws {
        let layout = SessionSheetLayout()
        let margin = SheetPreset.points(10)
        for page in try layout.layout(sheet(households: 50, linesEach: 5), measurer: measurer) {
            for item in page.items {
                let frame: Rect
                switch item {
                case let .text(_, f, _), let .fill(f, _), let .box(f, _, _), let .image(_, f): frame = f
                case let .line(a, b, _, _): frame = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y))
                }
                #expect(frame.x >= margin - 0.01 && frame.maxX <= page.size.width - margin + 0.01)
                #expect(frame.y >= margin - 0.01 && frame.maxY <= page.size.height - margin + 0.01)
            }
        }
    }

    @Test func everyPageSaysNOfN() throws {
        let pages = try SessionSheetLayout().layout(sheet(households: 40, linesEach: 3), measurer: measurer)
        for (i, page) in pages.enumerated() {
            #expect(texts(page).contains { $0.0.hasSuffix("page \(i + 1) / \(pages.count)") })
        }
    }

    @Test func aHouseholdTallerThanAPageSplitsAndSaysSo() throws {
        let pages = try SessionSheetLayout().layout(sheet(households: 1, linesEach: 120, notes: nil), measurer: measurer)
        #expect(pages.count >= 2)
        let all = pages.flatMap(texts).map(\.0)
        #expect(all.filter { $0.hasPrefix("Produit ") }.count == 120)
        #expect(all.contains { $0.contains("(suite)") })
    }

    @Test func rowsOfAPageDoNotOverlap() throws {
        let pages = try SessionSheetLayout().layout(sheet(households: 30, linesEach: 2), measurer: measurer)
        for page in pages {
            let rows = texts(page).filter { $0.0.hasPrefix("Produit ") }.map(\.1)
            for (a, b) in zip(rows, rows.dropFirst()) { #expect(b.y >= a.maxY - 0.01) }
        }
    }

    /// Between two rows, one rule per run of adjacent non-spanning columns, from the first run's
    /// left edge to its right edge (the same drawing as a rule per column, with fewer operators).
    @Test func aRuleBetweenRowsSpansEachRunOfColumns() {
        let table = Table(columns: [Table.Column("N°", width: 20), Table.Column("Qté", width: 30), Table.Column("Produit", width: 100),
                                    Table.Column("Total", width: 40), Table.Column("Prix", width: 50)])
        let block = Table.Block(spans: [0: "1", 3: "9,00 €"], rows: [Table.Row(["", "1", "Pain", "", "2,00 €"]),
                                                                     Table.Row(["", "2", "Lait", "", "7,00 €"])])
        let items = table.draw(block, at: Point(x: 10, y: 0), rowHeights: [12, 12], height: 24)
        let rules = items.compactMap { item -> (Double, Double)? in
            guard case let .line(from, to, _, _) = item, from.y == to.y else { return nil }
            #expect(from.y == 12)
            return (from.x, to.x)
        }
        #expect(rules.map(\.0) == [30, 200])
        #expect(rules.map(\.1) == [160, 250])
    }

    @Test func householdBlockIsTallEnoughToSign() throws {
        let layout = SessionSheetLayout()
        let pages = try layout.layout(sheet(households: 1, linesEach: 1), measurer: measurer)
        let boxes = pages[0].items.compactMap { if case let .box(r, _, _) = $0 { return r } else { return nil } }
        // The header box, then the household's block.
        #expect(boxes.count == 2)
        #expect(boxes[1].height >= SheetPreset.points(layout.preset.signatureHeightMM))
    }

    @Test func anEmptySessionSaysSo() throws {
        let pages = try SessionSheetLayout().layout(sheet(households: 0, linesEach: 0), measurer: measurer)
        #expect(pages.count == 1)
        #expect(texts(pages[0]).contains { $0.0.contains("Aucune commande") })
    }
}

import Foundation

struct WidowTests {
    @Test func theSummaryLineNeverStandsAloneOnAPage() throws {
        let measurer = FixedWidthMeasurer()
        // Try many sizes: whatever the count, the last page holds a household as well as the summary.
        for households in 20...60 {
            let pages = try SessionSheetLayout().layout(SessionSheetLayoutTests().sheet(households: households, linesEach: 3, notes: nil),
                                                        measurer: measurer)
            let last = pages.last!.items.compactMap { if case let .text(t, _, _) = $0 { return t } else { return nil } }
            #expect(last.contains { $0.hasPrefix("Produit ") }, "\(households) households: the summary is alone on the last page")
        }
    }
}
