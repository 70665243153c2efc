import CageotCore
import CageotDocuments
import CageotLayout
import Foundation

extension DocumentFactory {
    /// The pages of a classic contract's sign-in grid.
    public func contractGridPages(_ data: ContractGridData, options: ContractGridOptions = ContractGridOptions())
        -> (sheet: ContractGridSheet, pages: [Page]) {
        let sheet = ContractGridSheet(data, options)
        return (sheet, ContractGridLayout(options).layout(sheet, measurer: measurer))
    }

    /// Writes the sign-in grid of a classic contract to `url` (temp file, then rename).
    public func writeContractGrid(_ data: ContractGridData, options: ContractGridOptions = ContractGridOptions(),
                                  to url: URL) throws -> GeneratedDocument {
        let (sheet, pages) = contractGridPages(data, options: options)
        let info = DocumentInfo(title: "Feuille d'émargement — \(sheet.contractName) — \(sheet.groupName) — \(sheet.period)",
                                author: sheet.groupName, subject: "Contrat n°\(sheet.catalogId) (\(sheet.vendorName))",
                                createdAt: environment.epochSeconds)
        try AtomicFile.write(to: url) { tmp in try renderer.render(pages, info: info, to: tmp) }
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: "contract-grid", scope: "catalog:\(data.contract.id):\(data.from):\(data.to)",
                                 fingerprint: data.fingerprint(options: options), path: url.path,
                                 checksum: SHA256.hex(bytes), bytes: bytes.count, pages: pages.count)
    }

    /// `output/<group>/<from>/emargement-contrat-<contract>-<from>-<to>.pdf`.
    public func defaultContractGridURL(_ data: ContractGridData) -> URL {
        let day = data.from.description
        return environment.outputDirectory
            .appendingPathComponent(FileName.slug(data.contract.groupName), isDirectory: true)
            .appendingPathComponent(day, isDirectory: true)
            .appendingPathComponent("emargement-contrat-\(FileName.slug(data.contract.name))-\(day)-\(data.to).pdf")
    }
}
