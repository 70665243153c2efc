/// The two sheets of one distribution (one contract at one session).
public enum DistributionSheetKind: String, Sendable, Hashable, CaseIterable {
    /// The sign-in sheet of a variable contract: balances, lines, weights, provisions, signatures.
    case variableSheet = "variable-sheet"
    /// What the farmer must bring: households × products, with totals.
    case productMatrix = "product-matrix"

    /// Reads `variable` or `matrix` (the CLI's `--kind`), or the kind's own name.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "variable", "variable-sheet": self = .variableSheet
        case "matrix", "product-matrix": self = .productMatrix
        default: return nil
        }
    }

    /// The CLI's word for the kind.
    public var argument: String { self == .variableSheet ? "variable" : "matrix" }
}
