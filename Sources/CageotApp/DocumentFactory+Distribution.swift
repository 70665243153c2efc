import CageotCore
import CageotDocuments
import CageotLayout
import Foundation

extension DocumentFactory {
    /// The pages of one of a distribution's sheets, with the PDF's title; the variable-contract
    /// sheet of a classic contract throws `DistributionSheetError.classicContract`.
    public func distributionSheetPages(_ data: DistributionSheetData, kind: DistributionSheetKind,
                                       variableLayout: DistributionVariableLayout = DistributionVariableLayout(),
                                       matrixLayout: DistributionMatrixLayout = DistributionMatrixLayout()) throws -> (title: String, pages: [Page]) {
        let d = data.distribution
        switch kind {
        case .variableSheet:
            let sheet = try DistributionVariableSheet(data)
            return ("Feuille d'émargement — \(d.catalogName) — \(d.groupName) — \(sheet.when)",
                    variableLayout.layout(sheet, measurer: measurer))
        case .productMatrix:
            let matrix = DistributionMatrix(data)
            return ("À livrer — \(d.catalogName) — \(d.groupName) — \(matrix.when)", matrixLayout.layout(matrix, measurer: measurer))
        }
    }

    /// Writes one of a distribution's sheets to `url` (temp file, then rename); nothing is
    /// written when the sheet cannot be made.
    public func writeDistributionSheet(_ data: DistributionSheetData, kind: DistributionSheetKind, to url: URL,
                                       variableLayout: DistributionVariableLayout = DistributionVariableLayout(),
                                       matrixLayout: DistributionMatrixLayout = DistributionMatrixLayout()) throws -> GeneratedDocument {
        let (title, pages) = try distributionSheetPages(data, kind: kind, variableLayout: variableLayout, matrixLayout: matrixLayout)
        let d = data.distribution
        let info = DocumentInfo(title: title, author: d.groupName, subject: "Distribution n°\(d.id) (\(d.vendorName))",
                                createdAt: environment.epochSeconds)
        try AtomicFile.write(to: url) { tmp in try renderer.render(pages, info: info, to: tmp) }
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: kind.rawValue, scope: "distribution:\(d.id)", fingerprint: data.fingerprint(kind: kind.rawValue),
                                 path: url.path, checksum: SHA256.hex(bytes), bytes: bytes.count, pages: pages.count)
    }

    /// `output/<group>/<YYYY-MM-DD>/<kind>-<catalog>-distribution-<id>.pdf`.
    public func defaultDistributionSheetURL(_ distribution: DistributionInfo, kind: DistributionSheetKind) -> URL {
        let day = distribution.start.date.description
        return environment.outputDirectory
            .appendingPathComponent(FileName.slug(distribution.groupName), isDirectory: true)
            .appendingPathComponent(day, isDirectory: true)
            .appendingPathComponent("\(kind.rawValue)-\(FileName.slug(distribution.catalogName))-distribution-\(distribution.id).pdf")
    }
}
