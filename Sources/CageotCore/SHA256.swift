import CSHA256

/// SHA-256 (FIPS 180-4), for file checksums and input fingerprints in the ledger.
/// Foundation on Linux has no CryptoKit, and one small C function beats a dependency: the blocks
/// are compressed by `cageot_sha256_blocks` (the CPU's SHA extensions where it has them).
public struct SHA256: Sendable {
    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var pending: [UInt8] = []
    private var length: UInt64 = 0
    private let accelerated: Bool

    /// Whether this CPU's SHA extensions are used.
    public static let isAccelerated = cageot_sha256_accelerated() != 0

    public init() { self.init(accelerated: Self.isAccelerated) }

    /// `accelerated: false` computes in portable C whatever the CPU (for tests comparing both).
    public init(accelerated: Bool) {
        self.accelerated = accelerated
        pending.reserveCapacity(64)
    }

    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalizeHex()
    }

    public mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) == nil {
            Array(bytes).withUnsafeBytes { update($0) }
        }
    }

    /// Hashes whole 64-byte blocks straight from the buffer; only a partial block is copied.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        length &+= UInt64(buffer.count)
        var offset = 0
        if !pending.isEmpty {
            let take = min(64 - pending.count, buffer.count)
            pending.append(contentsOf: buffer[0..<take])
            offset = take
            guard pending.count == 64 else { return }
            pending.withUnsafeBytes { compress($0) }
            pending.removeAll(keepingCapacity: true)
        }
        let whole = (buffer.count - offset) / 64 * 64
        if whole > 0 {
            compress(UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + whole]))
            offset += whole
        }
        pending.append(contentsOf: buffer[offset...])
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func finalizeHex() -> String {
        let bitLength = length &* 8
        pending.append(0x80)
        while pending.count % 64 != 56 { pending.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { pending.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        pending.withUnsafeBytes { compress($0) }
        pending.removeAll()
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for word in state { for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((word >> UInt32(shift)) & 0xF)]) } }
        return String(decoding: out, as: UTF8.self)
    }

    /// Compresses `blocks` (a whole number of 64-byte blocks) into the state.
    private mutating func compress(_ blocks: UnsafeRawBufferPointer) {
        guard let base = blocks.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let accelerated: Int32 = accelerated ? 1 : 0
        state.withUnsafeMutableBufferPointer { words in
            cageot_sha256_blocks(words.baseAddress, base, blocks.count / 64, accelerated)
        }
    }
}
