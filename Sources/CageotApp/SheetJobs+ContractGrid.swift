import CageotCore
import CageotStore
import Foundation

extension SheetJobs {
    /// Writes the sign-in grid of classic contract `catalog` from `from` to `to` (both included) to
    /// `url` (or its default place under the output folder) and records it in the ledger.
    /// Without `options`, they come from the grid preset (`--layout`, the group's own, else `grid`).
    public func contractGrid(catalog: Int, from: LocalDate, to: LocalDate, options: ContractGridOptions? = nil,
                             to url: URL? = nil) throws -> GeneratedDocument {
        let data = try store.contractGridData(catalog: catalog, from: from, to: to)
        let options = try options ?? preset(forGroup: data.contract.groupId, kind: .grid).gridOptions
        let document = try factory.writeContractGrid(data, options: options, to: url ?? factory.defaultContractGridURL(data))
        try ledger?.record(document, at: factory.environment.epochSeconds)
        return document
    }
}
