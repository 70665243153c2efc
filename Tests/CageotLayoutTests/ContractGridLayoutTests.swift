import CageotCore
import CageotDocuments
import CageotLayout
import Testing

/// Geometry of the classic-contract grid with the fixed-width measurer: bands of dates, repeated
/// header, blocks that never overflow, nothing outside the margins.
struct ContractGridLayoutTests {
    let measurer = FixedWidthMeasurer()

    /// `households` subscriptions to a weekly contract with `weeks` distributions; every third one
    /// alternated with another account, every fifth absent once, every seventh starting mid-range.
    func sheet(households: Int, weeks: Int, options: ContractGridOptions = ContractGridOptions(),
               basket: [ProductInfo] = [ProductInfo(id: 1, name: "Panier de légumes - petit")]) -> ContractGridSheet {
        let start = LocalDate(year: 2026, month: 9, day: 3)
        let distributions = (0..<weeks).map {
            ContractGridData.Distribution(id: 100 + $0, sessionId: 500 + $0, date: LocalDateTime(date: start.adding(days: 7 * $0), hour: 18),
                                          quantities: 1, ordinal: $0 + 1)
        }
        var subscriptions: [ContractGridData.Subscription] = []
        var lines: [ContractGridData.Line] = []
        for h in 0..<households {
            let member = Member(id: h + 1, firstName: "Prénom\(h)", lastName: "NOM\(1000 + h)", phone: "06 00 00 \(10 + h % 90) 00",
                                email: "foyer\(h)@example.fr")
            let partner = h % 3 == 0 ? Member(id: 10_000 + h, firstName: "Autre\(h)", lastName: "ALTERNÉ\(h)", phone: "07 00 00 00 00") : nil
            let first = h % 7 == 6 ? min(2, weeks - 1) : 0
            let absent = h % 5 == 4 ? [100 + weeks - 1] : []
            subscriptions.append(ContractGridData.Subscription(
                id: h + 1, member: member, partner: partner, startDate: distributions[first].date,
                endDate: LocalDateTime(date: start.adding(days: 7 * weeks), hour: 23), absentDistributionIds: absent))
            for w in first..<weeks where !absent.contains(100 + w) {
                for product in basket {
                    lines.append(ContractGridData.Line(id: lines.count + 1, subscriptionId: h + 1, userId: h + 1, distributionId: 100 + w,
                                                       product: product, quantity: 1, flags: h % 2))
                }
            }
        }
        let data = ContractGridData(
            contract: .init(id: 7, name: "Légumes", groupId: 1, groupName: "AMAP Test", hidePhone: false, vendorName: "Ferme",
                            startDate: distributions.first?.date ?? LocalDateTime(date: start), endDate: LocalDateTime(date: start.adding(days: 400))),
            from: start, to: start.adding(days: 7 * max(weeks, 1) - 1), distributions: distributions, subscriptions: subscriptions,
            lines: lines, products: basket)
        return ContractGridSheet(data, options)
    }

    func texts(_ page: Page) -> [(String, Rect)] {
        page.items.compactMap { if case let .text(text, frame, _) = $0 { return (text, frame) } else { return nil } }
    }

    func boxes(_ page: Page) -> [Rect] {
        page.items.compactMap { if case let .box(rect, _, _) = $0 { return rect } else { return nil } }
    }

    @Test func fewDatesFitAcrossOneLandscapePage() {
        let sheet = sheet(households: 10, weeks: 5)
        let layout = ContractGridLayout()
        let columns = layout.columns(for: sheet, width: Size.a4Landscape.width - 56, measurer: measurer)
        #expect(columns.bands == [0..<5])
        let pages = layout.layout(sheet, measurer: measurer)
        #expect(pages.count == 1 && pages[0].size == .a4Landscape)
        for date in sheet.dates { #expect(texts(pages[0]).contains { $0.0 == date.title }) }
    }

    @Test func datesThatDoNotFitAreSplitIntoEvenBandsRepeatingTheNames() {
        let sheet = sheet(households: 8, weeks: 30)
        let layout = ContractGridLayout()
        let width = Size.a4Landscape.width - 56
        let columns = layout.columns(for: sheet, width: width, measurer: measurer)
        #expect(columns.bands.count >= 2)
        #expect(columns.bands.flatMap { Array($0) } == Array(0..<30))
        let sizes = columns.bands.map(\.count)
        #expect(sizes.max()! - sizes.min()! <= 1)
        #expect(columns.date >= layout.minimumDateWidth)
        #expect(columns.fixedWidth + Double(sizes.max()!) * columns.date <= width + 0.01)

        let pages = layout.layout(sheet, measurer: measurer)
        #expect(pages.count == columns.bands.count)
        for (page, band) in zip(pages, columns.bands) {
            let shown = Set(texts(page).map(\.0))
            // Every household and only the band's dates on each band's page.
            for row in sheet.rows { #expect(shown.contains(row.people[0].name)) }
            for (i, date) in sheet.dates.enumerated() { #expect(shown.contains(date.title) == band.contains(i), "date \(i)") }
        }
    }

    @Test func dateCellsStayWideEnoughToSignWhateverTheNumberOfDates() {
        for weeks in [1, 4, 12, 26, 52] {
            for orientation in ContractGridOptions.Orientation.allCases {
                let layout = ContractGridLayout(ContractGridOptions(orientation: orientation))
                let columns = layout.columns(for: sheet(households: 3, weeks: weeks), width: layout.pageSize.width - 56, measurer: measurer)
                #expect(columns.date >= layout.minimumDateWidth && columns.date <= layout.maximumDateWidth, "\(weeks) weeks \(orientation)")
            }
        }
    }

    @Test func columnHeaderRepeatsOnEveryPage() {
        let pages = ContractGridLayout().layout(sheet(households: 70, weeks: 6), measurer: measurer)
        #expect(pages.count >= 3)
        for page in pages {
            let shown = texts(page).map(\.0)
            #expect(shown.contains("Abonnés") && shown.contains("Contrat / Panier") && shown.contains("03/09"))
        }
        #expect(texts(pages[1]).contains { $0.0.hasPrefix("AMAP Test — Légumes — Ferme") })
    }

    @Test func aSubscriptionNeverSplitsAcrossPages() {
        let sheet = sheet(households: 70, weeks: 6)
        let pages = ContractGridLayout().layout(sheet, measurer: measurer)
        for row in sheet.rows {
            for person in row.people {
                let on = pages.indices.filter { i in texts(pages[i]).contains { $0.0 == person.name } }
                #expect(on.count == 1, "\(person.name) on pages \(on)")
            }
            if row.isAlternated {
                let page = pages.first { texts($0).contains { $0.0 == row.people[0].name } }!
                let holder = texts(page).first { $0.0 == row.people[0].name }!.1
                let partner = texts(page).first { $0.0 == row.people[1].name }!.1
                #expect(partner.y >= holder.maxY, "the partner's line is below the holder's")
            }
        }
    }

    @Test(arguments: [
        ContractGridOptions(),
        ContractGridOptions(basket: .perProduct, contact: .phoneAndEmail, dateFormat: .long),
        ContractGridOptions(contact: .none, orientation: .portrait, fontSize: 12),
        ContractGridOptions(basket: .perProduct, contact: .phoneAndEmail, dateFormat: .long, orientation: .portrait, fontSize: 6),
        ContractGridOptions(fontSize: 40),
    ])
    func nothingIsDrawnOutsideTheMarginsAndNoRowOverflowsThePage(options: ContractGridOptions) {
        let products = (1...6).map { ProductInfo(id: $0, name: "Produit de la ferme numéro \($0)") }
        let layout = ContractGridLayout(options)
        let pages = layout.layout(sheet(households: 40, weeks: 20, options: options, basket: products), measurer: measurer)
        let footer = 14.0
        for page in pages {
            #expect(page.size == layout.pageSize)
            for item in page.items {
                let frame: Rect
                switch item {
                case let .text(_, f, _), let .fill(f, _), let .box(f, _, _), let .image(_, f): frame = f
                case let .line(a, b, _, _): frame = Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(a.x - b.x), height: abs(a.y - b.y))
                }
                #expect(frame.x >= layout.margins.left - 0.01 && frame.maxX <= page.size.width - layout.margins.right + 0.01, "\(item)")
                #expect(frame.y >= layout.margins.top - 0.01 && frame.maxY <= page.size.height - layout.margins.bottom + 0.01, "\(item)")
            }
            // Every block (and the header) ends above the footer.
            for box in boxes(page) { #expect(box.maxY <= page.size.height - layout.margins.bottom - footer + 0.01) }
        }
    }

    @Test func aBasketTallerThanAPageIsCutToThePage() {
        let products = (1...150).map { ProductInfo(id: $0, name: "Un produit au nom assez long numéro \($0)") }
        let layout = ContractGridLayout()
        let pages = layout.layout(sheet(households: 2, weeks: 3, basket: products), measurer: measurer)
        for page in pages {
            for box in boxes(page) { #expect(box.maxY <= page.size.height - layout.margins.bottom - 14 + 0.01) }
        }
    }

    @Test func everyPageSaysNOfN() {
        let pages = ContractGridLayout().layout(sheet(households: 50, weeks: 30), measurer: measurer)
        #expect(pages.count > 2)
        for (i, page) in pages.enumerated() {
            #expect(texts(page).contains { $0.0.hasSuffix("page \(i + 1) / \(pages.count)") })
        }
    }

    @Test func alternatedRowsMarkWhoseTurnAndGrayTheOtherLine() {
        let sheet = sheet(households: 1, weeks: 4)   // household 0: alternated, flags 0 → holder on odd ordinals
        #expect(sheet.rows[0].cells == [.turn(person: 0), .turn(person: 1), .turn(person: 0), .turn(person: 1)])
        let page = ContractGridLayout().layout(sheet, measurer: measurer)[0]
        let holder = texts(page).first { $0.0 == sheet.rows[0].people[0].name }!.1
        let partner = texts(page).first { $0.0 == sheet.rows[0].people[1].name }!.1
        let marks = texts(page).filter { $0.0 == ContractGridLayout.turnMark }.map(\.1)
        #expect(marks.count == 4)
        #expect(marks.filter { abs($0.y - holder.y) < 0.01 }.count == 2 && marks.filter { abs($0.y - partner.y) < 0.01 }.count == 2)
        let grays = page.items.compactMap { if case let .fill(r, g) = $0, g < 0.85 { return r } else { return nil } }
        #expect(grays.count == 4)
        // Each gray cell sits on the line that does not collect, in the column of a mark on the other line.
        for gray in grays { #expect(marks.contains { abs($0.x - 2.5 - gray.x) < 0.01 && abs($0.y - gray.y - 2.5) > 1 }) }
    }

    @Test func eachPersonLineHasRoomToSign() {
        let layout = ContractGridLayout()
        let sheet = sheet(households: 3, weeks: 2)
        let page = layout.layout(sheet, measurer: measurer)[0]
        let blocks = boxes(page).dropFirst()   // the header, then one box per subscription
        #expect(blocks.count == 3)
        for (block, row) in zip(blocks, sheet.rows) { #expect(block.height >= layout.signatureHeight * Double(row.people.count) - 0.01) }
    }

    @Test func anEmptyGridStillPrintsAndSaysSo() {
        let pages = ContractGridLayout().layout(sheet(households: 0, weeks: 0), measurer: measurer)
        #expect(pages.count == 1)
        let shown = texts(pages[0]).map(\.0)
        #expect(shown.contains { $0.contains("Aucun abonnement") } && shown.contains { $0.contains("aucune distribution") })
    }
}
