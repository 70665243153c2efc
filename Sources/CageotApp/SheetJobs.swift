import CageotCore
import CageotLayout
import CageotPresets
import CageotStore
import Foundation

/// The use cases behind `cageot sheet` and `cageot sheets`: read, build, render, record.
public struct SheetJobs {
    let store: CamapStore
    let factory: DocumentFactory
    public let ledger: Ledger?
    let presets: PresetLibrary
    /// `--layout NAME|PATH` (nil: the group's own default, else `all`) and `--set key=value`.
    let layout: String?
    let overrides: [String]

    public init(connection: Connection, factory: DocumentFactory, recordInLedger: Bool = true,
                layout: String? = nil, overrides: [String] = []) throws {
        store = CamapStore(connection)
        self.factory = factory
        presets = PresetLibrary(directory: factory.environment.layoutsDirectory)
        self.layout = layout
        self.overrides = overrides
        // A wrong preset is reported before anything is read or written.
        _ = try presets.load(layout, overrides: overrides)
        ledger = recordInLedger ? try Ledger(connection) : nil
    }

    /// The preset for a group's sheet of a kind: the one asked for, else the group's own, else the
    /// kind's shipped one.
    public func preset(forGroup groupId: Int, kind: SheetPreset.Kind = .session) throws -> SheetPreset {
        try presets.load(layout, groupId: groupId, overrides: overrides, kind: kind)
    }

    /// Writes the sheet of one session to `url` (or its default place under the output folder).
    public func sessionSheet(_ id: Int, to url: URL? = nil) throws -> GeneratedDocument {
        var chosen: SheetPreset?
        let data = try store.sessionSheetData(session: id) { groupId in
            let preset = try self.preset(forGroup: groupId)
            chosen = preset
            return preset.storedBlocks
        }
        let preset = try chosen ?? preset(forGroup: data.session.groupId)
        let document = try factory.writeSessionSheet(data, preset: preset, to: url ?? factory.defaultSessionSheetURL(data.session))
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }

    /// Writes the sheet of every session matching the filters; a failing session does not stop
    /// the others. Returns the documents written and the failures.
    public func allSessionSheets(group: Int? = nil, from: LocalDate? = nil, to: LocalDate? = nil,
                                 progress: (SessionSummary, Result<GeneratedDocument, Error>) -> Void = { _, _ in })
        throws -> (written: [GeneratedDocument], failed: [(Int, Error)]) {
        var written: [GeneratedDocument] = []
        var failed: [(Int, Error)] = []
        for session in try store.sessions(group: group, from: from, to: to) {
            do {
                let document = try sessionSheet(session.id)
                written.append(document)
                progress(session, .success(document))
            } catch {
                failed.append((session.id, error))
                progress(session, .failure(error))
            }
        }
        return (written, failed)
    }
}

extension SheetPreset {
    /// The optional blocks this preset prints that the store reads with queries of their own.
    var storedBlocks: SessionSheetBlocks {
        var blocks: SessionSheetBlocks = []
        if self.blocks.contains(.contacts) { blocks.insert(.contacts) }
        if self.blocks.contains(.planning) && planningSessions > 0 { blocks.insert(.planning) }
        if self.blocks.contains(.changes) { blocks.insert(.changes) }
        return blocks
    }
}
