import CageotCore
import CageotLayout

extension DocumentFactory {
    /// Lays out a sample session with `preset` and the real fonts, so that `cageot layouts check`
    /// reports columns that cannot fit (even after the fallback) before any real sheet is made.
    public func checkFits(_ preset: SheetPreset) throws {
        guard preset.kind == .session else { return }
        let session = SessionInfo(id: 1, groupId: 1, groupName: "AMAP du Jardin de Rezé", hidePhone: false, txtDistrib: nil,
                                  currency: "€", placeName: "Salle des fêtes", placeAddress: "1 rue de la Loire, 44400 Rezé",
                                  start: LocalDateTime(iso: "2026-12-03 18:00")!, end: LocalDateTime(iso: "2026-12-03 19:30")!)
        let member = Member(id: 1, firstName: "Anne-Sophie", lastName: "N'DIAYE-LEFÈVRE", firstName2: "François",
                            lastName2: "BRÉHIER", phone: "06 12 34 56 78")
        let line = OrderLine(id: 1, basketId: 1, basketNumber: 12, householdId: 1, contractId: 1, contractName: "Œufs et volailles",
                             product: ProductInfo(id: 1, name: "Œufs (boîte de 12)", qt: 12, unitType: .piece),
                             quantity: 2, unitPrice: Decimal(string: "4.20")!)
        _ = try sessionSheetPages(SessionSheetData(session: session, volunteers: [], members: [member], lines: [line]), preset: preset)
    }
}

import Foundation
