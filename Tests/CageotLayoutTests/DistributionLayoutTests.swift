import CageotCore
import CageotDocuments
import CageotLayout
import Foundation
import Testing

/// Synthetic distributions: `households` households ordering `linesEach` lines each, spread over
/// `products` products (one in three weighed by the piece, one in three in bulk).
enum DistributionSample {
    static func data(households: Int, linesEach: Int, products: Int = 4, hidePhone: Bool = false, catalogType: Int = 1) -> DistributionSheetData {
        let catalog = (0..<products).map { p in
            ProductInfo(id: p + 1, name: String(format: "Produit %02d", p), qt: 1, unitType: p % 3 == 0 ? .piece : .kilogram,
                        bulk: p % 3 == 2, variablePrice: p % 3 == 1, multiWeight: p % 3 == 1)
        }
        var lines: [OrderLine] = []
        var members: [Member] = []
        var balances: [ContractBalance] = []
        for h in 0..<households {
            members.append(Member(id: h + 1, firstName: "Prénom\(h)", lastName: String(format: "NOM%03d", h),
                                  phone: String(format: "06 00 00 %02d %02d", h / 100, h % 100)))
            for l in 0..<linesEach {
                lines.append(OrderLine(id: h * 1000 + l, basketId: h + 1, basketNumber: h + 1, householdId: h + 1, contractId: 1,
                                       contractName: "Volailles", product: catalog[(h + l) % products],
                                       quantity: Decimal(string: "1.5")!, unitPrice: 2))
            }
            balances.append(ContractBalance(householdId: h + 1, subscriptionIds: [h + 1], paid: Money(cents: 1000), ordered: Money(cents: 1300)))
        }
        let info = DistributionInfo(id: 7, sessionId: 3, catalogId: 1, catalogName: "Volailles", catalogType: catalogType,
                                    vendorName: "Ferme Test", groupId: 1, groupName: "AMAP Test", hidePhone: hidePhone, currency: "€",
                                    placeName: "Salle", placeAddress: "1 rue Haute", start: LocalDateTime(iso: "2026-12-03 18:00")!,
                                    end: LocalDateTime(iso: "2026-12-03 19:30")!)
        return DistributionSheetData(distribution: info, members: members, lines: lines, balances: balances)
    }
}

func distributionTexts(_ page: Page) -> [(String, Rect)] {
    page.items.compactMap { if case let .text(text, frame, _) = $0 { return (text, frame) } else { return nil } }
}

/// Every item's frame, lines as their bounding box.
func distributionFrames(_ page: Page) -> [Rect] {
    page.items.map { item in
        switch item {
        case let .text(_, f, _), let .fill(f, _), let .box(f, _, _), let .image(_, f): f
        case let .line(a, b, _, _): Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y))
        }
    }
}

func expectDistributionInsideMargins(_ pages: [Page], _ margins: PageComposer.Margins, sourceLocation: SourceLocation = #_sourceLocation) {
    for (n, page) in pages.enumerated() {
        for frame in distributionFrames(page) {
            #expect(frame.x >= margins.left - 0.01 && frame.maxX <= page.size.width - margins.right + 0.01,
                    "page \(n + 1): \(frame)", sourceLocation: sourceLocation)
            #expect(frame.y >= margins.top - 0.01 && frame.maxY <= page.size.height - margins.bottom + 0.01,
                    "page \(n + 1): \(frame)", sourceLocation: sourceLocation)
        }
    }
}

struct DistributionVariableLayoutTests {
    let measurer = FixedWidthMeasurer()

    func pages(households: Int, linesEach: Int, options: DistributionVariableLayout.Options = .init(), hidePhone: Bool = false) throws -> [Page] {
        let sheet = try DistributionVariableSheet(DistributionSample.data(households: households, linesEach: linesEach, hidePhone: hidePhone))
        return DistributionVariableLayout(options: options).layout(sheet, measurer: measurer)
    }

    @Test func columnHeaderRepeatsOnEveryPage() throws {
        let pages = try pages(households: 40, linesEach: 3)
        #expect(pages.count > 2)
        for page in pages {
            let header = distributionTexts(page).filter { ["Solde contrat", "Poids / qté livré(e)", "Nouvelle provision reçue", "Signature"].contains($0.0) }
            #expect(header.count == 4)
        }
    }

    @Test func householdNeverSplitsAcrossPages() throws {
        let pages = try pages(households: 40, linesEach: 4)
        for h in 0..<40 {
            let name = String(format: "NOM%03d", h)
            let pagesWithIt = pages.indices.filter { i in distributionTexts(pages[i]).contains { $0.0.hasPrefix(name) } }
            #expect(pagesWithIt.count == 1, "household \(name) is on pages \(pagesWithIt)")
            // Its four lines and its day total are on that page, below its name.
            let page = distributionTexts(pages[pagesWithIt[0]])
            let top = page.first { $0.0.hasPrefix(name) }!.1.y
            let below = page.filter { $0.1.y >= top - 0.01 }
            #expect(below.contains { $0.0 == "Total du jour" })
        }
    }

    @Test func aHouseholdTallerThanAPageSplitsAndSaysSo() throws {
        let pages = try pages(households: 1, linesEach: 90)
        #expect(pages.count >= 2)
        let all = pages.flatMap(distributionTexts).map(\.0)
        #expect(all.filter { $0 == "Total du jour" }.count == 1)
        #expect(all.filter { $0.hasPrefix("Produit ") }.count == 90)
        #expect(all.contains { $0.contains("NOM000") && $0.contains("(suite)") })
    }

    @Test func nothingIsDrawnOutsideTheMarginsInEitherOrientation() throws {
        for orientation in [DistributionPageOrientation.landscape, .portrait] {
            let options = DistributionVariableLayout.Options(orientation: orientation)
            let pages = try pages(households: 30, linesEach: 5, options: options)
            #expect(pages.allSatisfy { $0.size == (orientation == .portrait ? .a4Portrait : .a4Landscape) })
            expectDistributionInsideMargins(pages, options.margins)
        }
    }

    @Test func theTableFillsThePageWidthAndProductKeepsRoom() {
        for (orientation, width) in [(DistributionPageOrientation.landscape, Size.a4Landscape.width - 56), (.portrait, Size.a4Portrait.width - 56)] {
            let table = DistributionVariableLayout(options: .init(orientation: orientation)).table(width: width)
            #expect(abs(table.width - width) < 0.01)
            #expect(table.columns.count == 10 && table.columns[4].title == "Produit" && table.columns[4].width >= 119.9)
        }
    }

    @Test func everyHouseholdBlockIsTallEnoughToSign() throws {
        let options = DistributionVariableLayout.Options(signatureHeight: 40)
        let pages = try pages(households: 3, linesEach: 1, options: options)
        let boxes = pages[0].items.compactMap { if case let .box(r, _, _) = $0 { return r } else { return nil } }
        #expect(boxes.count == 4) // the header, then three households
        #expect(boxes.dropFirst().allSatisfy { $0.height >= 40 })
    }

    @Test func balanceWeighedCellsAndDayTotalArePrinted() throws {
        let page = distributionTexts(try pages(households: 1, linesEach: 3)[0]).map(\.0)
        #expect(page.contains("-3,00\u{00A0}€")) // paid 10,00 − ordered 13,00
        #expect(page.filter { $0 == "kg" }.count == 1) // one weighed line of three (Produit 01)
        #expect(page.contains("9,00\u{00A0}€")) // 3 lines × 1,5 × 2 €
        #expect(page.contains("1 foyer — total livré ce jour : 9,00\u{00A0}€"))
    }

    @Test func phonesAreLeftOutWhenHidden() throws {
        let shown = try pages(households: 2, linesEach: 1).flatMap(distributionTexts).map(\.0).joined(separator: "\n")
        let hidden = try pages(households: 2, linesEach: 1, hidePhone: true).flatMap(distributionTexts).map(\.0).joined(separator: "\n")
        #expect(shown.contains("06 00 00 00 01") && !hidden.contains("06 00 00"))
    }

    @Test func everyPageSaysNOfN() throws {
        let pages = try pages(households: 40, linesEach: 3)
        for (i, page) in pages.enumerated() {
            #expect(distributionTexts(page).contains { $0.0.hasSuffix("page \(i + 1) / \(pages.count)") })
        }
    }

    @Test func aClassicContractIsRefused() {
        #expect(throws: DistributionSheetError.classicContract(distributionId: 7, catalogId: 1, catalogName: "Volailles")) {
            try DistributionVariableSheet(DistributionSample.data(households: 1, linesEach: 1, catalogType: 0))
        }
    }

    @Test func largerBaseFontGivesMorePages() throws {
        let small = try pages(households: 30, linesEach: 3)
        let large = try pages(households: 30, linesEach: 3, options: .init(baseFontSize: 11))
        #expect(large.count > small.count)
        expectDistributionInsideMargins(large, .init())
    }
}

struct DistributionMatrixLayoutTests {
    let measurer = FixedWidthMeasurer()

    func matrix(households: Int, products: Int) -> DistributionMatrix {
        DistributionMatrix(DistributionSample.data(households: households, linesEach: products, products: products))
    }

    @Test func fewProductsFitOnePortraitRun() {
        let plan = DistributionMatrixLayout().plan(productCount: 6)
        #expect(plan.orientation == .portrait && plan.runs == [0..<6])
        let pages = DistributionMatrixLayout().layout(matrix(households: 10, products: 6), measurer: measurer)
        #expect(pages.count == 1 && pages[0].size == .a4Portrait)
    }

    @Test func moreProductsTurnThePageToLandscape() {
        let plan = DistributionMatrixLayout().plan(productCount: 12)
        #expect(plan.orientation == .landscape && plan.runs == [0..<12])
        #expect(plan.productWidth >= DistributionMatrixLayout.Options().minColumnWidth)
    }

    @Test func tooManyProductsSplitIntoBalancedRunsRepeatingTheHouseholds() {
        let layout = DistributionMatrixLayout()
        let plan = layout.plan(productCount: 30)
        #expect(plan.orientation == .landscape && plan.runs.count == 3)
        #expect(plan.runs.map(\.count) == [10, 10, 10])
        #expect(plan.productWidth >= layout.options.minColumnWidth - 0.01)

        let m = matrix(households: 8, products: 30)
        let pages = layout.layout(m, measurer: measurer)
        #expect(pages.count == 3)
        for (run, page) in zip(plan.runs, pages) {
            let t = distributionTexts(page).map(\.0)
            // This run's products, and only them, head the page; the households are all there.
            for (index, product) in m.products.enumerated() {
                #expect(t.contains { $0.hasPrefix(product.name) } == run.contains(index), "\(product.name) on run \(run)")
            }
            for h in 0..<8 { #expect(t.contains { $0.hasPrefix(String(format: "NOM%03d", h)) }) }
            #expect(t.contains("Total à livrer") && t.contains("Foyer") && t.contains("Montant"))
        }
        expectDistributionInsideMargins(pages, layout.options.margins)
    }

    @Test func aForcedPortraitSplitsSooner() {
        let layout = DistributionMatrixLayout(options: .init(orientation: .portrait))
        let plan = layout.plan(productCount: 12)
        #expect(plan.orientation == .portrait && plan.runs.count == 2 && plan.runs.flatMap { Array($0) } == Array(0..<12))
    }

    @Test func columnHeaderRepeatsOnEveryPageOfARun() {
        let pages = DistributionMatrixLayout().layout(matrix(households: 120, products: 5), measurer: measurer)
        #expect(pages.count >= 3)
        for page in pages {
            let t = distributionTexts(page).map(\.0)
            #expect(t.contains("Foyer") && t.contains { $0.hasPrefix("Produit 00") })
        }
        #expect(distributionTexts(pages.last!).contains { $0.0 == "Total à livrer" })
        expectDistributionInsideMargins(pages, DistributionMatrixLayout().options.margins)
    }

    @Test func tableSpansTheContentWidth() {
        let layout = DistributionMatrixLayout()
        let m = matrix(households: 2, products: 3)
        let plan = layout.plan(productCount: 3)
        let table = layout.table(m, run: plan.runs[0], plan: plan)
        #expect(abs(table.width - (Size.a4Portrait.width - 56)) < 0.01)
    }

    @Test func rowsDoNotOverlap() {
        let pages = DistributionMatrixLayout().layout(matrix(households: 80, products: 4), measurer: measurer)
        for page in pages {
            let rows = distributionTexts(page).filter { $0.0.hasPrefix("NOM") }.map(\.1)
            for (a, b) in zip(rows, rows.dropFirst()) { #expect(b.y >= a.maxY - 0.01) }
        }
    }

    @Test func totalsCountPiecesWeighMeasuresAndSumCounts() {
        // Product 00: pieces counted (unit), 01: multiWeight → lines, 02: bulk kg.
        let m = matrix(households: 4, products: 3)
        #expect(m.products.map(\.tally) == [.count, .pieces, .measure(unit: "kg")])
        #expect(m.products.map(\.total) == ["6", "4\u{00A0}pièces", "6\u{00A0}kg"])
        #expect(m.products.map(\.amount) == Array(repeating: Money(cents: 1200), count: 3))
        #expect(m.total == Money(cents: 3600) && m.households.map(\.total).reduce(Money.zero, +) == m.total)
        #expect(m.households[0].cells == ["1,5", "1", "1,5\u{00A0}kg"])
    }

    @Test func anEmptyDistributionSaysSo() {
        let pages = DistributionMatrixLayout().layout(matrix(households: 0, products: 3), measurer: measurer)
        #expect(pages.count == 1)
        #expect(distributionTexts(pages[0]).contains { $0.0.contains("Aucune commande") })
    }
}
