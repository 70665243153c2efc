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

    @Test func numbersHashAsTheirText() {
        // Integers written without a String and decimals' descriptions remembered: the same bytes
        // as their text, so fingerprints stay those of earlier versions (no needless re-render).
        let ints = [0, 1, -1, 9, 10, 42, -189, 1_000_000, Int.max, Int.min] + (0..<500).map { _ in Int.random(in: -1_000_000_000...1_000_000_000) }
        let decimals = ["0", "0.00", "12.5", "12.50", "-189.84", "2.675", "0.00001", "1e20"].map { Decimal(string: $0)! }
            + (0..<500).map { _ in Decimal(Int.random(in: -100_000...100_000)) / 100 }
        var fast = Fingerprint()
        var text = Fingerprint()
        for value in ints { fast.add(value); text.add(String(value)) }
        for value in decimals + decimals { fast.add(value); text.add(value.description) }
        fast.add(nil as Int?); text.add(nil as String?)
        fast.add(nil as Decimal?); text.add(nil as String?)
        #expect(fast.finalize() == text.finalize())
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
