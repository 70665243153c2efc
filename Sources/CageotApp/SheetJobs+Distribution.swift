import CageotCore
import CageotStore
import Foundation

extension SheetJobs {
    /// Writes one sheet of distribution `id` to `url` (or its default place under the output
    /// folder) and records it in the ledger. Throws `NotFound` for an unknown id and
    /// `DistributionSheetError` when the sheet does not apply to the contract.
    public func distributionSheet(_ id: Int, kind: DistributionSheetKind, to url: URL? = nil) throws -> GeneratedDocument {
        let data = try store.distributionSheetData(distribution: id)
        let preset = try preset(forGroup: data.distribution.groupId, kind: kind == .variableSheet ? .variable : .matrix)
        let document = try factory.writeDistributionSheet(
            data, kind: kind, to: url ?? factory.defaultDistributionSheetURL(data.distribution, kind: kind),
            variableLayout: preset.variableLayout, matrixLayout: preset.matrixLayout)
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }
}
