import CageotApp
import CageotCore
import Foundation
import NIOConcurrencyHelpers

/// What a request's data looked like the last time it was read, by database position
/// (`QuietDatabase.position`: the current snapshot, which moves with every committed write,
/// anywhere in the cluster). While the position has not moved, the data cannot have changed, so the document's
/// fingerprint, owner and name still hold: the server answers from the render cache (or with a 304)
/// without reading the session's orders nor hashing them again. Any write and the next request
/// reads everything, as without the memo.
///
/// The key also holds what, besides the database, the document is made of: the preset asked for
/// (`layout`, `set`), the layout files on disk (names, sizes, modification times) and the day,
/// so that an edited preset or a new day is read afresh too.
final class FingerprintMemo: Sendable {
    struct Entry: Sendable {
        var position: String
        var owner: DocumentOwner
        var fingerprint: String
        var fileName: String
        var contentType: String
    }

    let capacity: Int
    private let entries = NIOLockedValueBox([String: Entry]())

    init(capacity: Int = 10_000) { self.capacity = capacity }

    /// What was read for `key` if the database is still at `position`.
    func entry(_ key: String, at position: String) -> Entry? {
        entries.withLockedValue { $0[key] }.flatMap { $0.position == position ? $0 : nil }
    }

    /// Remembers what `prepared` read for `key` at `position` (taken before reading it: a write in
    /// between only makes the next request read again), and returns it. Forgets everything when full.
    @discardableResult
    func remember(_ key: String, at position: String, _ prepared: PreparedDocument) -> Entry {
        let entry = Entry(position: position, owner: prepared.owner, fingerprint: prepared.fingerprint,
                          fileName: prepared.fileName, contentType: prepared.contentType)
        entries.withLockedValue { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
        return entry
    }

    /// The memo key of a request: what was asked, with which preset, the layout files' stamp
    /// and the day.
    static func key(_ request: DocumentRequest, layout: String?, overrides: [String], layouts: URL, day: LocalDate) -> String {
        ([String(describing: request), layout ?? "-", "\(day)", stamp(of: layouts)] + overrides).joined(separator: "\u{1F}")
    }

    /// Names, sizes and modification times of the files under `folder`.
    static func stamp(of folder: URL) -> String {
        let manager = FileManager.default
        let files = (manager.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []).sorted()
        return files.map { file -> String in
            let attributes = try? manager.attributesOfItem(atPath: folder.appendingPathComponent(file).path)
            let size = attributes?[.size] as? Int ?? -1
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(file):\(size):\(modified)"
        }.joined(separator: ",")
    }
}
