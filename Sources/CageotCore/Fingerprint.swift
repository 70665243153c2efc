import Foundation

/// The fingerprint of a document's inputs: SHA-256 over every field, each ended by a separator,
/// so the same inputs always give the same hex string and any change gives another.
/// (Encoding the inputs as JSON first cost more than rendering the PDF.)
public struct Fingerprint {
    private var hash = SHA256()
    /// Decimals' descriptions met so far, by the decimal's bytes: a sheet repeats a few prices and
    /// quantities on every line, and `Decimal.description` costs microseconds.
    private var descriptions: [DecimalBytes: String] = [:]

    public init() {}

    public mutating func add(_ text: String?) {
        guard var text else { hash.update(CollectionOfOne(0x1E)); return }
        text.withUTF8 { field(UnsafeRawBufferPointer($0)) }
    }
    /// The same bytes as `add(String(value))`, without making the string.
    public mutating func add(_ value: Int?) {
        guard let value else { add(nil as String?); return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { buffer in
            var end = buffer.count
            var rest = value.magnitude
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if value < 0 { end -= 1; buffer[end] = UInt8(ascii: "-") }
            field(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[end...]))
        }
    }
    public mutating func add(_ value: Bool) { add(value ? "1" : "0") }
    public mutating func add(_ value: Decimal?) {
        guard let value else { add(nil as String?); return }
        guard let key = DecimalBytes(value) else { add(value.description); return }
        if let known = descriptions[key] { add(known); return }
        let description = value.description
        descriptions[key] = description
        add(description)
    }
    public mutating func add(_ value: LocalDateTime) { add(value.description) }
    public mutating func add(bytes: [UInt8]?) {
        add(bytes?.count)
        if let bytes { hash.update(bytes) }
    }

    public mutating func finalize() -> String { hash.finalizeHex() }

    /// A field's bytes, then the separator that ends it.
    private mutating func field(_ bytes: UnsafeRawBufferPointer) {
        hash.update(bytes)
        hash.update(CollectionOfOne(0x1F))
    }
}

extension SessionSheetData {
    /// Changes whenever anything printed on the sheet changes (orders, names, phones, roles, logo,
    /// contacts, the planning of the next sessions, the changes since the previous one).
    public var fingerprint: String {
        var f = Fingerprint()
        let s = session
        f.add("session-sheet/2")
        f.add(s.id); f.add(s.groupId); f.add(s.groupName); f.add(s.hidePhone); f.add(s.txtDistrib); f.add(s.currency)
        f.add(s.placeName); f.add(s.placeAddress); f.add(s.start); f.add(s.end)
        for slot in volunteers {
            f.add(slot.role)
            f.add(member: slot.member)
        }
        f.add("members")
        for member in members { f.add(member: member) }
        f.add("lines")
        for line in lines {
            f.add(line: line)
        }
        f.add(bytes: logo)
        f.add("balances")
        for (user, balance) in balances.sorted(by: { $0.key < $1.key }) { f.add(user); f.add(balance) }
        f.add(contacts: contacts)
        f.add("planning")
        for session in planning {
            f.add(session.id); f.add(session.start)
            for slot in session.slots { f.add(slot.role); f.add(member: slot.member) }
            f.add("end of session")
        }
        f.add(changes: changes)
        return f.finalize()
    }
}

extension Fingerprint {
    mutating func add(contacts: SessionContacts) {
        add("contacts")
        add(member: contacts.mainContact)
        for c in contacts.coordinators { add(c.contractId); add(c.contractName); add(member: c.member) }
        add("farmers")
        for v in contacts.farmers { add(v.vendorId); add(v.name); add(v.peopleName); add(v.phone); add(v.email); add(v.contractName) }
    }

    mutating func add(changes: SessionChanges) {
        add("changes")
        add(changes.previous?.id)
        if let start = changes.previous?.start { add(start) }
        for item in changes.items {
            add(item.kind.rawValue); add(member: item.member); add(item.contractName)
            add(item.product?.id); add(item.product?.name); add(item.product?.qt); add(item.product?.unitType?.rawValue)
            add(item.product?.bulk ?? false); add(item.product?.variablePrice ?? false)
            add(item.before); add(item.after); add(item.date?.description)
        }
    }
}

extension Fingerprint {
    /// Every field of an order line a sheet may print.
    public mutating func add(line: OrderLine) {
        add(line.id); add(line.basketId); add(line.basketNumber); add(line.householdId)
        add(line.contractId); add(line.contractName); add(line.quantity); add(line.unitPrice)
        let p = line.product
        add(p.id); add(p.name); add(p.qt); add(p.unitType?.rawValue); add(p.vat)
        add(p.bulk); add(p.variablePrice); add(p.multiWeight)
    }

    mutating func add(member: Member?) {
        guard let m = member else { add(nil as String?); return }
        add(m.id); add(m.firstName); add(m.lastName); add(m.firstName2); add(m.lastName2)
        add(m.phone); add(m.phone2); add(m.email)
    }
}

/// A decimal's 20 bytes as a key: equal bytes are the same decimal, with the same description.
private struct DecimalBytes: Hashable {
    var low: UInt64
    var middle: UInt64
    var high: UInt32

    /// Nil if a Foundation release changed the decimal's size (then it is described each time).
    init?(_ value: Decimal) {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        (low, middle, high) = withUnsafeBytes(of: value) { bytes in
            (bytes.loadUnaligned(as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }
}
