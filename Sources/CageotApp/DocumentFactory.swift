import CageotCore
import CageotDocuments
import CageotLayout
import CageotPDF
import Foundation

/// Turns data read from the database into files: builds the document, lays it out, renders it
/// atomically. Owns one font context, so it is not Sendable: make one per task.
public final class DocumentFactory {
    /// Settable so that a long-lived factory (one per server worker) can take each request's time.
    public var environment: CageotEnvironment
    let fonts: FontContext
    let measurer: PangoTextMeasurer
    let renderer: PDFRenderer

    public init(environment: CageotEnvironment) throws {
        self.environment = environment
        fonts = try FontContext(fontsDirectory: environment.fontsDirectory)
        measurer = PangoTextMeasurer(fonts: fonts)
        renderer = PDFRenderer(fonts: fonts)
    }

    /// The pages of a session's sign-in sheet laid out by `preset`.
    public func sessionSheetPages(_ data: SessionSheetData, preset: SheetPreset = SheetPreset()) throws -> (sheet: SessionSheet, pages: [Page]) {
        let sheet = SessionSheet(data)
        return (sheet, try SessionSheetLayout(preset: preset).layout(sheet, measurer: measurer))
    }

    /// Writes the sign-in sheet of a session to `url` (temp file, then rename).
    public func writeSessionSheet(_ data: SessionSheetData, preset: SheetPreset = SheetPreset(), to url: URL) throws -> GeneratedDocument {
        let (sheet, pages) = try sessionSheetPages(data, preset: preset)
        let info = DocumentInfo(title: "Feuille d'émargement — \(sheet.groupName) — \(sheet.when)",
                                author: sheet.groupName, subject: "Distribution n°\(sheet.sessionId)",
                                createdAt: environment.epochSeconds)
        try AtomicFile.write(to: url) { tmp in try renderer.render(pages, info: info, to: tmp) }
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: "session-sheet", scope: "session:\(data.session.id)",
                                 fingerprint: data.fingerprint, path: url.path,
                                 checksum: SHA256.hex(bytes), bytes: bytes.count, pages: pages.count)
    }

    /// `output/<group>/<YYYY-MM-DD>/emargement-<YYYY-MM-DD>-<group>-session-<id>.pdf`.
    public func defaultSessionSheetURL(_ session: SessionInfo) -> URL {
        let group = FileName.slug(session.groupName)
        let day = session.start.date.description
        return environment.outputDirectory
            .appendingPathComponent(group, isDirectory: true)
            .appendingPathComponent(day, isDirectory: true)
            .appendingPathComponent("emargement-\(day)-\(group)-session-\(session.id).pdf")
    }
}
