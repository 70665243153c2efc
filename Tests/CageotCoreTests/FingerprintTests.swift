import CageotCore
import Foundation
import Testing

struct FingerprintTests {
    let data = SessionSheetData(
        session: SessionInfo(id: 1, groupId: 2, groupName: "AMAP", hidePhone: false, txtDistrib: nil, currency: "€",
                             placeName: "Salle", placeAddress: "", start: LocalDateTime(iso: "2026-12-03 18:00")!,
                             end: LocalDateTime(iso: "2026-12-03 19:30")!),
        volunteers: [VolunteerSlot(role: "Accueil", member: nil)],
        members: [Member(id: 1, firstName: "Élodie", lastName: "LE GOFF", phone: "06 11 22 33 44")],
        lines: [OrderLine(id: 1, basketId: 1, basketNumber: 1, householdId: 1, contractId: 1, contractName: "Œufs",
                          product: ProductInfo(id: 1, name: "Œufs (boîte de 12)"), quantity: 3, unitPrice: Decimal(string: "2.675")!)])

    @Test func sameInputsGiveTheSameFingerprint() {
        #expect(data.fingerprint == data.fingerprint)
        #expect(data.fingerprint.count == 64)
    }

    @Test func anyPrintedChangeChangesIt() {
        var phone = data; phone.members[0].phone = "06 99 99 99 99"
        var quantity = data; quantity.lines[0].quantity = 4
        var duty = data; duty.volunteers[0].member = data.members[0]
        var notes = data; notes.session.txtDistrib = ""
        let prints = [data, phone, quantity, duty, notes].map(\.fingerprint)
        #expect(Set(prints).count == prints.count)
    }

    @Test func hashingInPiecesEqualsHashingAtOnce() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var pieces = SHA256()
        var index = 0
        for size in [1, 63, 64, 65, 7, 200, 600] {
            pieces.update(bytes[index..<min(index + size, bytes.count)])
            index = min(index + size, bytes.count)
        }
        #expect(pieces.finalizeHex() == SHA256.hex(bytes))
    }
}
