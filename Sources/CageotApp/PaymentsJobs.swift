import CageotCore
import CageotStore
import Foundation

extension DocumentFactory {
    /// Writes a contract's payments workbook to `url` (temp file, then rename), dated by the injected clock.
    public func writePayments(_ data: PaymentsData, to url: URL) throws -> GeneratedDocument {
        try AtomicFile.write(to: url) { tmp in
            try CageotApp.writePayments(data, to: tmp, createdAt: environment.epochSeconds)
        }
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: "payments", scope: "catalog:\(data.contract.id)",
                                 fingerprint: data.fingerprint, path: url.path, checksum: SHA256.hex(bytes),
                                 bytes: bytes.count, pages: 3)
    }

    /// `output/<group>/paiements/paiements-<contract>.xlsx`.
    public func defaultPaymentsURL(_ contract: PaymentsContract) -> URL {
        environment.outputDirectory
            .appendingPathComponent(FileName.slug(contract.groupName), isDirectory: true)
            .appendingPathComponent("paiements", isDirectory: true)
            .appendingPathComponent("paiements-\(FileName.slug(contract.name)).xlsx")
    }
}

extension SheetJobs {
    /// Writes a contract's payments workbook to `url` (or its default place) and records it in the
    /// ledger; `from`…`to` is the check deposit slip's range (nil: the contract's period). Throws
    /// `NotFound` for an unknown contract, before writing anything.
    public func payments(catalog: Int, from: LocalDate? = nil, to toDate: LocalDate? = nil,
                         to url: URL? = nil) throws -> GeneratedDocument {
        let data = try store.paymentsData(catalog: catalog, from: from, to: toDate)
        let document = try factory.writePayments(data, to: url ?? factory.defaultPaymentsURL(data.contract))
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }
}
