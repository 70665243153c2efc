import CageotCore
import CageotDocuments
import CageotLayout
import Foundation

extension DocumentFactory {
    /// The pages of a contract's check deposit slip for `data.from`…`data.to`.
    public func checkDepositPages(_ data: PaymentsData, layout: CheckDepositLayout = CheckDepositLayout()) -> (payments: Payments, pages: [Page]) {
        let payments = Payments(data)
        return (payments, layout.layout(payments, measurer: measurer))
    }

    /// Writes the check deposit slip as a PDF to `url` (temp file, then rename), dated by the injected clock.
    public func writeCheckDeposit(_ data: PaymentsData, to url: URL) throws -> GeneratedDocument {
        let (payments, pages) = checkDepositPages(data)
        let info = DocumentInfo(title: "Remise de chèques — \(payments.contractName) — \(payments.groupName)",
                                author: payments.groupName, subject: "Chèques reçus du \(data.from) au \(data.to)",
                                createdAt: environment.epochSeconds)
        try AtomicFile.write(to: url) { tmp in try renderer.render(pages, info: info, to: tmp) }
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: "check-deposit", scope: "catalog:\(data.contract.id):\(data.from):\(data.to)",
                                 fingerprint: data.fingerprint, path: url.path, checksum: SHA256.hex(bytes),
                                 bytes: bytes.count, pages: pages.count)
    }

    /// `output/<group>/paiements/remise-cheques-<contract>-<from>-<to>.pdf`.
    public func defaultCheckDepositURL(_ data: PaymentsData) -> URL {
        defaultPaymentsURL(data.contract).deletingLastPathComponent()
            .appendingPathComponent("remise-cheques-\(FileName.slug(data.contract.name))-\(data.from)-\(data.to).pdf")
    }
}

extension SheetJobs {
    /// Writes a contract's check deposit slip PDF for `from`…`to` (nil: the contract's period) and
    /// records it in the ledger. Throws `NotFound` for an unknown contract, before writing anything.
    public func checkDeposit(catalog: Int, from: LocalDate? = nil, to toDate: LocalDate? = nil,
                             to url: URL? = nil) throws -> GeneratedDocument {
        let data = try store.paymentsData(catalog: catalog, from: from, to: toDate)
        let document = try factory.writeCheckDeposit(data, to: url ?? factory.defaultCheckDepositURL(data))
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }
}
