import CageotCore
import Foundation

/// A document a front-end asks for by its subject (the HTTP server's routes).
public enum DocumentRequest: Sendable, Hashable {
    case sessionSheet(session: Int)
    /// The first page of the session's sheet as a PNG `width` pixels wide.
    case sessionPreview(session: Int, width: Int)
    case distributionSheet(distribution: Int, kind: DistributionSheetKind)
    case vendorOrders(vendor: Int, week: ISOWeek)
    case payments(catalog: Int)
    case usageReport(year: Int)

    /// The document kind, as the ledger and the metrics name it.
    public var kind: String {
        switch self {
        case .sessionSheet: "session-sheet"
        case .sessionPreview: "session-preview"
        case .distributionSheet(_, let kind): kind.rawValue
        case .vendorOrders: "vendor-orders"
        case .payments: "payments"
        case .usageReport: "usage-report"
        }
    }
}

/// Whose data a document shows: what an access scope must cover to read it.
public enum DocumentOwner: Sendable, Hashable {
    case group(Int)
    case vendor(Int)
    case federation
}

/// A document whose data has been read but that is not written yet: enough to decide access and
/// freshness (its input fingerprint) before paying for the rendering.
public struct PreparedDocument {
    public var owner: DocumentOwner
    /// The input fingerprint: the same data (and preset) give the same value.
    public var fingerprint: String
    /// Where the command line and `cageot run` write it; its last component is a readable, safe
    /// file name (`emargement-2026-12-05-amap-…-session-42.pdf`).
    public var defaultURL: URL
    public var contentType: String
    /// Writes the document into `folder` under `fileName`.
    public let write: (_ folder: URL) throws -> GeneratedDocument
    /// What an e-mail carrying the document says (`cageot run`), built only when one is due.
    public var letter: (() -> DocumentLetter)?
}

extension PreparedDocument {
    public var fileName: String { defaultURL.lastPathComponent }

    /// Writes the document to its default place.
    public func writeToDefaultPlace() throws -> GeneratedDocument { try write(defaultURL.deletingLastPathComponent()) }

    static let pdf = "application/pdf"
    static let png = "image/png"
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
}
