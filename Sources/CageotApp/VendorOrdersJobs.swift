import CageotCore
import CageotDocuments
import CageotStore
import Foundation

extension DocumentFactory {
    /// Writes a farmer's orders workbook to `url` (temp file, then rename), dated by the injected clock.
    public func writeVendorOrders(_ data: VendorOrdersData, to url: URL) throws -> GeneratedDocument {
        try AtomicFile.write(to: url) { tmp in
            try CageotApp.writeVendorOrders(data, to: tmp, createdAt: environment.epochSeconds)
        }
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: "vendor-orders", scope: "vendor:\(data.vendor.id):\(data.from):\(data.to)",
                                 fingerprint: data.fingerprint, path: url.path, checksum: SHA256.hex(bytes),
                                 bytes: bytes.count, pages: 1 + 2 * data.distributions.count)
    }

    /// `output/producteurs/<vendor>/commandes-<vendor>-<from>-<to>.xlsx`.
    public func defaultVendorOrdersURL(_ vendor: VendorInfo, from: LocalDate, to: LocalDate) -> URL {
        let slug = FileName.slug(vendor.name)
        return environment.outputDirectory
            .appendingPathComponent("producteurs", isDirectory: true)
            .appendingPathComponent(slug, isDirectory: true)
            .appendingPathComponent("commandes-\(slug)-\(from)-\(to).xlsx")
    }
}

extension SheetJobs {
    /// Writes a farmer's orders workbook for `from`…`to` to `url` (or its default place) and
    /// records it in the ledger. Throws `NotFound` for an unknown vendor, before writing anything.
    public func vendorOrders(vendor: Int, from: LocalDate, to: LocalDate, to url: URL? = nil) throws -> GeneratedDocument {
        try writeVendorOrders(try store.vendorOrdersData(vendor: vendor, from: from, to: to), to: url)
    }

    /// `vendorOrders` for several farmers, their data read together (four queries for the lot
    /// instead of four each): one result per farmer, in order; one failing does not stop the others.
    public func vendorOrders(vendors: [Int], from: LocalDate, to: LocalDate) -> [Result<GeneratedDocument, any Error>] {
        writeEach(vendors, entity: "farmer (Vendor)", read: { try store.vendorOrdersData(vendors: $0, from: from, to: to) },
                  write: { try writeVendorOrders($0, to: nil) })
    }

    /// Reads the data of `ids` together, then writes each one's document: one result per id, in
    /// order. An id without data is `NotFound`; a failed read fails them all.
    func writeEach<Data>(_ ids: [Int], entity: String, read: ([Int]) throws -> [Int: Data],
                         write: (Data) throws -> GeneratedDocument) -> [Result<GeneratedDocument, any Error>] {
        let data: [Int: Data]
        do {
            data = try read(ids)
        } catch {
            return ids.map { _ in .failure(error) }
        }
        return ids.map { id in
            Result {
                guard let item = data[id] else { throw NotFound(entity: entity, id: id) }
                return try write(item)
            }
        }
    }

    func writeVendorOrders(_ data: VendorOrdersData, to url: URL?) throws -> GeneratedDocument {
        let document = try factory.writeVendorOrders(
            data, to: url ?? factory.defaultVendorOrdersURL(data.vendor, from: data.from, to: data.to))
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }
}

extension DocumentFactory {
    /// Writes every table of a farmer's orders as CSV files in `folder` (each atomically), named
    /// `commandes-<vendor>-<from>-<to>-<table>.csv`. Returns the files written.
    public func writeVendorOrdersCSV(_ data: VendorOrdersData, into folder: URL) throws -> [URL] {
        let orders = VendorOrders(data)
        let stem = "commandes-\(FileName.slug(data.vendor.name))-\(data.from)-\(data.to)"
        return try orders.csvTables.map { name, table in
            let url = folder.appendingPathComponent("\(stem)-\(name).csv")
            try AtomicFile.write(table.data, to: url)
            return url
        }
    }
}

extension SheetJobs {
    /// The CSV form of `vendorOrders`: one file per table in `folder` (default: the farmer's folder).
    public func vendorOrdersCSV(vendor: Int, from: LocalDate, to: LocalDate, into folder: URL? = nil) throws -> [URL] {
        let data = try store.vendorOrdersData(vendor: vendor, from: from, to: to)
        return try factory.writeVendorOrdersCSV(
            data, into: folder ?? factory.defaultVendorOrdersURL(data.vendor, from: from, to: to).deletingLastPathComponent())
    }
}
