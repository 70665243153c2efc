import CageotCore
import CageotDocuments
import CageotStore
import Foundation

extension DocumentFactory {
    /// Writes a contract's payments workbook to `url` (temp file, then rename), dated by the injected clock.
    public func writePayments(_ data: PaymentsData, to url: URL) throws -> GeneratedDocument {
        try writeWorkbook(to: url, kind: "payments", scope: "catalog:\(data.contract.id)", fingerprint: data.fingerprint,
                          sheets: 3) { tmp in try CageotApp.writePayments(data, to: tmp, createdAt: environment.epochSeconds) }
    }

    /// Writes a farmer's payments workbook for a season to `url` (temp file, then rename), dated by the injected clock.
    public func writeVendorPayments(_ data: VendorPaymentsData, to url: URL) throws -> GeneratedDocument {
        try writeWorkbook(to: url, kind: "vendor-payments", scope: "vendor:\(data.vendor.id):\(data.season)",
                          fingerprint: data.fingerprint, sheets: data.contracts.isEmpty ? 1 : 4) { tmp in
            try CageotApp.writeVendorPayments(data, to: tmp, createdAt: environment.epochSeconds)
        }
    }

    func writeWorkbook(to url: URL, kind: String, scope: String, fingerprint: String, sheets: Int,
                       write: (URL) throws -> Void) throws -> GeneratedDocument {
        try AtomicFile.write(to: url, write)
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: kind, scope: scope, fingerprint: fingerprint, path: url.path,
                                 checksum: SHA256.hex(bytes), bytes: bytes.count, pages: sheets)
    }

    /// `output/<group>/paiements/paiements-<contract>.xlsx`.
    public func defaultPaymentsURL(_ contract: PaymentsContract) -> URL {
        environment.outputDirectory
            .appendingPathComponent(FileName.slug(contract.groupName), isDirectory: true)
            .appendingPathComponent("paiements", isDirectory: true)
            .appendingPathComponent("paiements-\(FileName.slug(contract.name)).xlsx")
    }

    /// `output/producteurs/<vendor>/paiements-<vendor>-<season>.xlsx`.
    public func defaultVendorPaymentsURL(_ vendor: VendorInfo, season: Int) -> URL {
        let slug = FileName.slug(vendor.name)
        return environment.outputDirectory
            .appendingPathComponent("producteurs", isDirectory: true)
            .appendingPathComponent(slug, isDirectory: true)
            .appendingPathComponent("paiements-\(slug)-\(season).xlsx")
    }

    /// Writes `tables` as CSV files in `folder` (each atomically), named `<stem>-<table>.csv`.
    /// Returns the files written.
    func writeCSV(_ tables: [(name: String, table: CSVTable)], stem: String, into folder: URL) throws -> [URL] {
        try tables.map { name, table in
            let url = folder.appendingPathComponent("\(stem)-\(name).csv")
            try AtomicFile.write(table.data, to: url)
            return url
        }
    }
}

extension SheetJobs {
    /// Writes a contract's payments workbook to `url` (or its default place) and records it in the
    /// ledger; `from`…`to` is the check deposit slip's range (nil: the contract's period). Throws
    /// `NotFound` for an unknown contract, before writing anything.
    public func payments(catalog: Int, from: LocalDate? = nil, to toDate: LocalDate? = nil,
                         to url: URL? = nil) throws -> GeneratedDocument {
        try writePayments(try store.paymentsData(catalog: catalog, from: from, to: toDate), to: url)
    }

    /// `payments` for several contracts, their data read together (four queries for the lot
    /// instead of four each): one result per contract, in order; one failing does not stop the others.
    /// `unconfirmed` (`CamapStore.unconfirmedBaskets()`, read once for all the batches) makes the
    /// order lines' query cheaper.
    public func payments(catalogs: [Int], from: LocalDate? = nil, to toDate: LocalDate? = nil,
                         unconfirmed: UnconfirmedBaskets? = nil) -> [Result<GeneratedDocument, any Error>] {
        writeEach(catalogs, entity: "contract (Catalog)",
                  read: { try store.paymentsData(catalogs: $0, from: from, to: toDate, unconfirmed: unconfirmed) },
                  write: { try writePayments($0, to: nil) })
    }

    func writePayments(_ data: PaymentsData, to url: URL?) throws -> GeneratedDocument {
        let document = try factory.writePayments(data, to: url ?? factory.defaultPaymentsURL(data.contract))
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }

    /// Writes a farmer's payments workbook for `season` (the contracts starting that year, in any
    /// group) to `url` (or its default place) and records it in the ledger; `from`…`to` is the check
    /// deposit range (nil: each contract's period). Throws `NotFound` for an unknown farmer, before
    /// writing anything; a season without a contract gives a workbook saying so.
    public func vendorPayments(vendor: Int, season: Int, from: LocalDate? = nil, to toDate: LocalDate? = nil,
                               to url: URL? = nil) throws -> GeneratedDocument {
        let data = try store.vendorPaymentsData(vendor: vendor, season: season, from: from, to: toDate)
        let document = try factory.writeVendorPayments(
            data, to: url ?? factory.defaultVendorPaymentsURL(data.vendor, season: season))
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }

    /// The CSV form of `payments`: `paiements-<contract>-<table>.csv` in `folder` (default: the
    /// workbook's folder). Returns the files written.
    public func paymentsCSV(catalog: Int, from: LocalDate? = nil, to toDate: LocalDate? = nil,
                            into folder: URL? = nil) throws -> [URL] {
        let data = try store.paymentsData(catalog: catalog, from: from, to: toDate)
        return try factory.writeCSV(Payments(data).csvTables, stem: "paiements-\(FileName.slug(data.contract.name))",
                                    into: folder ?? factory.defaultPaymentsURL(data.contract).deletingLastPathComponent())
    }

    /// The CSV form of `vendorPayments`: `paiements-<vendor>-<season>-<table>.csv` in `folder`
    /// (default: the farmer's folder). Returns the files written.
    public func vendorPaymentsCSV(vendor: Int, season: Int, from: LocalDate? = nil, to toDate: LocalDate? = nil,
                                  into folder: URL? = nil) throws -> [URL] {
        let data = try store.vendorPaymentsData(vendor: vendor, season: season, from: from, to: toDate)
        let url = factory.defaultVendorPaymentsURL(data.vendor, season: season)
        return try factory.writeCSV(VendorPayments(data).csvTables, stem: url.deletingPathExtension().lastPathComponent,
                                    into: folder ?? url.deletingLastPathComponent())
    }
}
