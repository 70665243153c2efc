import CageotCore
import CageotLayout
import CageotPDF
import Foundation

extension DocumentFactory {
    /// Writes the first page of a session's sign-in sheet as a PNG `width` pixels wide: the
    /// preview of the coordinators' page, laid out exactly as the PDF.
    public func writeSessionSheetPreview(_ data: SessionSheetData, preset: SheetPreset = SheetPreset(), width: Int,
                                         to url: URL) throws -> GeneratedDocument {
        let (_, pages) = try sessionSheetPages(data, preset: preset)
        guard let first = pages.first else {
            throw PDFError(status: "no page to render", path: url.path, advice: "The sheet has no page.", format: "PNG")
        }
        let bytes = try PNGRenderer(fonts: fonts).render(first, width: width)
        try AtomicFile.write(Data(bytes), to: url)
        return GeneratedDocument(kind: "session-preview", scope: "session:\(data.session.id)", fingerprint: data.fingerprint,
                                 path: url.path, checksum: SHA256.hex(bytes), bytes: bytes.count, pages: 1)
    }
}
