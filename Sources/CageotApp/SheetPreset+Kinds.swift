import CageotCore
import CageotLayout

/// What each sheet kind takes from a preset.
extension SheetPreset {
    public var gridOptions: ContractGridOptions {
        ContractGridOptions(basket: gridBasket, contact: gridContact, dateFormat: gridDateFormat,
                            orientation: orientation == .portrait ? .portrait : .landscape,
                            fontSize: min(max(fontSize, ContractGridOptions.fontSizes.lowerBound), ContractGridOptions.fontSizes.upperBound))
    }

    var composerMargins: PageComposer.Margins {
        PageComposer.Margins(top: Self.points(marginsMM.top), left: Self.points(marginsMM.left),
                             bottom: Self.points(marginsMM.bottom), right: Self.points(marginsMM.right))
    }

    public var variableLayout: DistributionVariableLayout {
        DistributionVariableLayout(options: .init(baseFontSize: fontSize, orientation: orientation == .portrait ? .portrait : .landscape,
                                                  signatureHeight: Self.points(signatureHeightMM), margins: composerMargins))
    }

    /// With the fallback on, the matrix picks portrait or landscape by itself.
    public var matrixLayout: DistributionMatrixLayout {
        DistributionMatrixLayout(options: .init(baseFontSize: fontSize,
                                                orientation: fallback ? .automatic : (orientation == .portrait ? .portrait : .landscape),
                                                margins: composerMargins))
    }

    /// The distribution sheet a preset of kind `variable` or `matrix` makes.
    public var distributionKind: DistributionSheetKind? {
        switch kind {
        case .variable: .variableSheet
        case .matrix: .productMatrix
        case .session, .grid: nil
        }
    }
}
