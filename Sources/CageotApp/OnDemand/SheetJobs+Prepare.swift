import CageotCore
import CageotLayout
import Foundation

extension SheetJobs {
    /// Reads the data of `request` and computes its input fingerprint, without writing anything.
    /// Throws `NotFound` for an unknown id. `costs` and `federationName` are the usage report's.
    public func prepare(_ request: DocumentRequest, costs: CostInput? = nil,
                        federationName: String = "Fédération des AMAP") throws -> PreparedDocument {
        switch request {
        case .sessionSheet(let id):
            return try prepareSessionSheet(id)
        case let .sessionPreview(id, width):
            return try prepareSessionSheet(id, previewWidth: width)
        case let .distributionSheet(id, kind):
            let data = try store.distributionSheetData(distribution: id)
            let preset = try preset(forGroup: data.distribution.groupId, kind: kind == .variableSheet ? .variable : .matrix)
            let fingerprint = Self.fingerprint(data.fingerprint(kind: kind.rawValue), preset: preset)
            let url = factory.defaultDistributionSheetURL(data.distribution, kind: kind)
            var prepared = PreparedDocument(owner: .group(data.distribution.groupId), fingerprint: fingerprint,
                                            defaultURL: url, contentType: PreparedDocument.pdf) { folder in
                var document = try self.factory.writeDistributionSheet(
                    data, kind: kind, to: folder.appendingPathComponent(url.lastPathComponent),
                    variableLayout: preset.variableLayout, matrixLayout: preset.matrixLayout)
                document.fingerprint = fingerprint
                return document
            }
            prepared.letter = { DocumentLetter.distributionRecap(data) }
            return prepared
        case let .vendorOrders(vendor, week):
            let data = try store.vendorOrdersData(vendor: vendor, from: week.monday, to: week.sunday)
            let url = factory.defaultVendorOrdersURL(data.vendor, from: week.monday, to: week.sunday)
            let name = url.lastPathComponent
            var prepared = PreparedDocument(owner: .vendor(vendor), fingerprint: data.fingerprint, defaultURL: url,
                                            contentType: PreparedDocument.xlsx) { folder in
                try self.factory.writeVendorOrders(data, to: folder.appendingPathComponent(name))
            }
            prepared.letter = { DocumentLetter.vendorWeek(data, week: week) }
            return prepared
        case .payments(let catalog):
            let data = try store.paymentsData(catalog: catalog)
            let url = factory.defaultPaymentsURL(data.contract)
            let name = url.lastPathComponent
            return PreparedDocument(owner: .group(data.contract.groupId), fingerprint: data.fingerprint, defaultURL: url,
                                    contentType: PreparedDocument.xlsx) { folder in
                try self.factory.writePayments(data, to: folder.appendingPathComponent(name))
            }
        case .usageReport(let year):
            let (report, fingerprint) = try usageReportInputs(period: .year(year), costs: costs, federationName: federationName)
            return PreparedDocument(owner: .federation, fingerprint: fingerprint,
                                    defaultURL: factory.defaultUsageReportFolder
                                        .appendingPathComponent("rapport-usage-\(FileName.slug(report.data.period.label)).pdf"),
                                    contentType: PreparedDocument.pdf) { folder in
                // The PDF comes first, then the workbook.
                try self.factory.writeUsageReport(report, fingerprint: fingerprint, into: folder, csv: false)[0]
            }
        }
    }

    /// A session's sheet: its data, its preset, and a fingerprint of both (the preset changes the
    /// sheet as much as the data does). `cageot run` writes it to its default place. With
    /// `previewWidth`, its first page as a PNG that wide, with the same fingerprint.
    func prepareSessionSheet(_ id: Int, previewWidth: Int? = nil) throws -> PreparedDocument {
        let data = try store.sessionSheetData(session: id)
        let preset = try preset(forGroup: data.session.groupId)
        let fingerprint = Self.fingerprint(data.fingerprint, preset: preset)
        var url = factory.defaultSessionSheetURL(data.session)
        if previewWidth != nil {
            url = url.deletingLastPathComponent().appendingPathComponent(
                url.deletingPathExtension().lastPathComponent.replacingOccurrences(of: "emargement-", with: "apercu-") + ".png")
        }
        let name = url.lastPathComponent
        var prepared = PreparedDocument(owner: .group(data.session.groupId), fingerprint: fingerprint, defaultURL: url,
                                        contentType: previewWidth == nil ? PreparedDocument.pdf : PreparedDocument.png) { folder in
            var document = if let previewWidth {
                try self.factory.writeSessionSheetPreview(data, preset: preset, width: previewWidth,
                                                          to: folder.appendingPathComponent(name))
            } else {
                try self.factory.writeSessionSheet(data, preset: preset, to: folder.appendingPathComponent(name))
            }
            document.fingerprint = fingerprint
            return document
        }
        prepared.letter = { DocumentLetter.sessionSheet(data) }
        return prepared
    }

    static func fingerprint(_ data: String, preset: SheetPreset) -> String {
        SHA256.hex(Array("\(data)|\(String(describing: preset))".utf8))
    }
}
