import CageotCore
import Foundation
import NIOConcurrencyHelpers

/// The documents this server rendered, by what they were made from: a request whose input
/// fingerprint (the data, the preset) matches a rendered file is answered with that file, without
/// rendering again. Files live in a folder of this process under the temp folder, at most
/// `capacity` of them, the least recently used removed first; a restart starts empty.
///
/// Each answer gets its own hard link to the cached file, in its own folder, which the response
/// removes once streamed: evicting a file never cuts a response that is streaming it.
final class RenderCache: Sendable {
    let folder: URL
    let capacity: Int
    private struct State {
        var order: [String] = []
        var files: Set<String> = []
    }
    private let state = NIOLockedValueBox(State())

    init(capacity: Int = 512) {
        self.capacity = capacity
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cageot-serve-cache-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The cache key of a request: what was asked (kind, width, preset) and the input fingerprint.
    static func key(_ parts: String...) -> String {
        SHA256.hex(Array(parts.joined(separator: "|").utf8))
    }

    /// A new link to the cached file of `key` in `destination` (a fresh folder), or nil.
    func link(_ key: String, into destination: URL, named name: String) -> URL? {
        let cached = folder.appendingPathComponent(key)
        let known = state.withLockedValue { state -> Bool in
            guard state.files.contains(key) else { return false }
            state.order.removeAll { $0 == key }
            state.order.append(key)
            return true
        }
        guard known else { return nil }
        let target = destination.appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: cached, to: target)
            return target
        } catch {
            return nil
        }
    }

    /// Keeps `file` (just rendered) under `key`, as a hard link; evicts the oldest beyond capacity.
    func store(_ key: String, file: URL) {
        let cached = folder.appendingPathComponent(key)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let staged = folder.appendingPathComponent(".\(key).\(UUID().uuidString)")
            try FileManager.default.linkItem(at: file, to: staged)
            guard rename(staged.path, cached.path) == 0 else { try? FileManager.default.removeItem(at: staged); return }
        } catch {
            return
        }
        let evicted = state.withLockedValue { state -> [String] in
            if state.files.insert(key).inserted { state.order.append(key) }
            var evicted: [String] = []
            while state.order.count > capacity {
                let oldest = state.order.removeFirst()
                state.files.remove(oldest)
                evicted.append(oldest)
            }
            return evicted
        }
        for key in evicted { try? FileManager.default.removeItem(at: folder.appendingPathComponent(key)) }
    }
}
