import CageotCore
import Foundation

/// A document `cageot run` must have up to date at a given time.
public struct DueDocument: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case sessionSheet = "session-sheet"
        case vendorOrders = "vendor-orders"
        case payments
        case usageReport = "usage-report"
        /// One distribution's product × household grid (PDF), the farmer's recap when that
        /// distribution's order window closes; due only with `mail.vendor_recap`.
        case productMatrix = "product-matrix"

        public static func < (a: Kind, b: Kind) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum Subject: Sendable, Hashable {
        case session(Int)
        case vendorWeek(vendor: Int, week: ISOWeek)
        case contract(Int, month: LocalDate)
        case federation(year: Int)
        case distribution(Int)
    }

    public var kind: Kind
    public var subject: Subject

    public init(kind: Kind, subject: Subject) { self.kind = kind; self.subject = subject }

    /// The ledger scope, as the document records it (`session:42`, `vendor:3:2026-11-30:2026-12-06`…);
    /// a payments workbook is due once a month, so its month is part of the key.
    public var scope: String {
        switch subject {
        case .session(let id): "session:\(id)"
        case let .vendorWeek(vendor, week): "vendor:\(vendor):\(week.monday):\(week.sunday)"
        case let .contract(id, month): "catalog:\(id):\(String(month.description.prefix(7)))"
        case .federation(let year): "federation:\(year)-01-01:\(year)-12-31"
        case .distribution(let id): "distribution:\(id)"
        }
    }

    /// The advisory lock key of this document: two runs never generate it at the same time.
    public var lockKey: Int64 {
        let hex = SHA256.hex(Array("cageot-run|\(kind.rawValue)|\(scope)".utf8))
        return Int64(bitPattern: UInt64(hex.prefix(16), radix: 16)!)
    }

    /// `feuille d'émargement, session 42`, for the progress display and the summary.
    public var label: String {
        switch subject {
        case .session(let id): "feuille d'émargement, session \(id)"
        case let .vendorWeek(vendor, week): "commandes du producteur \(vendor), semaine \(week)"
        case let .contract(id, month): "paiements du contrat \(id), \(FrenchFormat.months[month.month - 1]) \(month.year)"
        case .federation(let year): "rapport d'usage \(year)"
        case .distribution(let id): "récapitulatif de la distribution \(id)"
        }
    }

    public static func < (a: DueDocument, b: DueDocument) -> Bool { (a.kind, a.scope) < (b.kind, b.scope) }
}
