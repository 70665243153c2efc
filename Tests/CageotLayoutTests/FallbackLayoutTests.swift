import Foundation
import CageotCore
import CageotDocuments
import CageotLayout
import Testing

/// When columns do not fit: smaller font, then landscape, then A3, then a clear error.
struct FallbackLayoutTests {
    let measurer = FixedWidthMeasurer()

    func sheet(productName: String = "Produit") -> SessionSheet {
        let session = SessionInfo(id: 1, groupId: 1, groupName: "AMAP", hidePhone: false, txtDistrib: nil, currency: "€",
                                  placeName: "Salle", placeAddress: "", start: LocalDateTime(iso: "2026-12-03 18:00")!,
                                  end: LocalDateTime(iso: "2026-12-03 19:30")!)
        let member = Member(id: 1, firstName: "Élodie", lastName: "LE GOFF")
        let line = OrderLine(id: 1, basketId: 1, basketNumber: 1, householdId: 1, contractId: 1, contractName: "Légumes",
                             product: ProductInfo(id: 1, name: productName), quantity: 1, unitPrice: 2)
        return SessionSheet(SessionSheetData(session: session, volunteers: [], members: [member], lines: [line]))
    }

    func preset(signatureMM: Double, fontSize: Double = 9) -> SheetPreset {
        var preset = SheetPreset()
        preset.signatureWidthMM = signatureMM
        preset.fontSize = fontSize
        preset.minFontSize = 7
        return preset
    }

    @Test func columnsThatFitKeepThePresetsPaper() throws {
        let pages = try SessionSheetLayout(preset: preset(signatureMM: 30)).layout(sheet(), measurer: measurer)
        #expect(pages[0].size == .a4Portrait)
    }

    @Test func aWideSignatureTurnsThePageToLandscape() throws {
        // 150 mm of signature leaves too little for the product on A4 portrait at any size.
        let pages = try SessionSheetLayout(preset: preset(signatureMM: 150)).layout(sheet(), measurer: measurer)
        #expect(pages[0].size == .a4Landscape)
    }

    @Test func columnsTooWideForA4GoToA3() throws {
        var wide = preset(signatureMM: 150)
        wide.columns = wide.columns.map { column in
            var column = column
            if column.field == .household { column.widthMM = 120 }
            return column
        }
        let pages = try SessionSheetLayout(preset: wide).layout(sheet(), measurer: measurer)
        #expect(pages[0].size.width > 1190 && pages[0].size.height < 842)
    }

    @Test func columnsThatCannotFitAnywhereSaySo() {
        var impossible = preset(signatureMM: 150)
        impossible.columns = impossible.columns.map { column in
            var column = column
            if column.field == .household { column.widthMM = 300 }
            if column.field == .quantity { column.widthMM = 100 }
            return column
        }
        do {
            _ = try SessionSheetLayout(preset: impossible).layout(sheet(), measurer: measurer)
            Issue.record("laid out columns wider than A3 landscape")
        } catch {
            #expect(error.description.hasPrefix("layout default: the columns do not fit even on A3 landscape at 7 pt"))
        }
    }

    @Test func withoutFallbackTheErrorSaysHowToFix() {
        var strict = preset(signatureMM: 150)
        strict.fallback = false
        do {
            _ = try SessionSheetLayout(preset: strict).layout(sheet(), measurer: measurer)
            Issue.record("laid out without room for the product")
        } catch {
            #expect(error.description.contains("enable paper.fallback"))
        }
    }

    @Test func theShortVariantHasNoPrices() throws {
        var short = SheetPreset()
        short.variant = .short
        let texts = try SessionSheetLayout(preset: short).layout(sheet(), measurer: measurer)
            .flatMap(\.items).compactMap { item -> String? in if case let .text(t, _, _) = item { return t } else { return nil } }
        #expect(!texts.contains { $0.contains("€") })
        #expect(texts.contains("Produit") && !texts.contains("Montant"))
    }

    @Test func abbreviatedNamesHideFirstNames() throws {
        var privacy = SheetPreset()
        privacy.names = .abbreviated
        let texts = try SessionSheetLayout(preset: privacy).layout(sheet(), measurer: measurer)
            .flatMap(\.items).compactMap { item -> String? in if case let .text(t, _, _) = item { return t } else { return nil } }
        #expect(texts.contains { $0.hasPrefix("LE GOFF Él.") })
        #expect(!texts.contains { $0.contains("Élodie") })
    }
}

struct GroupingTests {
    func sheet() -> SessionSheet {
        let session = SessionInfo(id: 1, groupId: 1, groupName: "AMAP", hidePhone: false, txtDistrib: nil, currency: "€",
                                  placeName: "Salle", placeAddress: "", start: LocalDateTime(iso: "2026-12-03 18:00")!,
                                  end: LocalDateTime(iso: "2026-12-03 19:30")!)
        let members = (1...3).map { Member(id: $0, firstName: "Prénom", lastName: "NOM\($0)") }
        var lines: [OrderLine] = []
        for h in 1...3 {
            for (c, contract) in ["Légumes", "Œufs"].enumerated() where !(h == 3 && c == 1) {
                lines.append(OrderLine(id: h * 10 + c, basketId: h, basketNumber: h, householdId: h, contractId: c, contractName: contract,
                                       product: ProductInfo(id: c, name: "Produit \(contract)"), quantity: 1, unitPrice: Decimal(2 + c)))
            }
        }
        return SessionSheet(SessionSheetData(session: session, volunteers: [], members: members, lines: lines))
    }

    func texts(_ pages: [Page]) -> [String] {
        pages.flatMap(\.items).compactMap { if case let .text(t, _, _) = $0 { return t } else { return nil } }
    }

    @Test func groupingByContractMakesOneSectionPerContract() throws {
        var preset = SheetPreset()
        preset.groupBy = .contract
        let pages = try SessionSheetLayout(preset: preset).layout(sheet(), measurer: FixedWidthMeasurer())
        let all = texts(pages)
        #expect(all.contains("Légumes") && all.contains("Œufs"))
        // Three households take vegetables, two take eggs: each household appears once per contract it has lines in.
        #expect(all.filter { $0.hasPrefix("NOM1") }.count == 2 && all.filter { $0.hasPrefix("NOM3") }.count == 1)
        // Section totals: the eggs section shows 3,00 € per household, and the sheet's total is unchanged.
        #expect(all.contains { $0.contains("total de la distribution : 12,00") })
    }

    @Test func aPageBreakPerGroupStartsEachContractOnANewPage() throws {
        var preset = SheetPreset()
        preset.groupBy = .contract
        preset.pageBreakPerGroup = true
        let pages = try SessionSheetLayout(preset: preset).layout(sheet(), measurer: FixedWidthMeasurer())
        #expect(pages.count == 2)
        #expect(texts([pages[1]]).contains("Œufs") && !texts([pages[1]]).contains("Légumes"))
    }
}
