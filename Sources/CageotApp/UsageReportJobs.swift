import CageotCore
import CageotCosts
import CageotDocuments
import CageotLayout
import CageotStore
import Foundation

/// A cost file as read from disk: its parsed form and its bytes (part of the report's fingerprint).
public struct CostInput: Sendable {
    public var file: CostFile
    public var bytes: Data

    /// Reads and checks `url`; a file that cannot be read or is wrong is reported with its path,
    /// line and key, before anything is computed or written.
    public init(url: URL) throws {
        do {
            bytes = try Data(contentsOf: url)
        } catch {
            throw CostFileError(file: url.path, line: nil, key: nil,
                                message: "cannot read the file (\(error.localizedDescription)); give the path of a cost file such as docs/costs.example.toml.")
        }
        file = try CostFile.load(url)
    }
}

extension UsageReport {
    /// Builds the report; with a cost file, shares its total among the groups. Throws
    /// `CostFileError` for a file made for another year and `AllocationError` when the file's floors
    /// or caps cannot be met.
    public static func make(_ data: UsageReportData, federationName: String, madeOn: LocalDate,
                            costs: CostFile?) throws -> UsageReport {
        guard let costs else { return UsageReport(federationName: federationName, data: data, madeOn: madeOn, costs: nil) }
        let year = data.period.from.year
        if let fileYear = costs.year, fileYear != year {
            throw CostFileError(file: costs.path, line: nil, key: "year",
                                message: "the file is for \(fileYear), the report for \(data.period.label); use the cost file of \(year).")
        }
        guard data.hasActivity else {
            // Nothing to share: the report says there was no activity.
            return UsageReport(federationName: federationName, data: data, madeOn: madeOn, costs: nil)
        }
        let groups = data.groups.map { group in
            AllocationGroup(groupId: group.groupId, name: group.name, disabled: group.disabled != nil, createdOn: group.createdOn,
                            households: group.figures.activeHouseholds, sessions: group.figures.sessionsHeld,
                            turnover: group.figures.turnover)
        }
        let allocation = try CostAllocator.allocate(costs, groups: groups, year: year)
        return UsageReport(federationName: federationName, data: data, madeOn: madeOn,
                           costs: UsageReport.Costs(file: costs, allocation: allocation))
    }
}

extension DocumentFactory {
    /// The usage report's PDF pages.
    public func usageReportPages(_ report: UsageReport) -> [Page] {
        UsageReportLayout().layout(report, measurer: measurer)
    }

    /// Writes the report's PDF, its workbook and (with `csv`) the per-AMAP table as CSV into
    /// `folder`, each atomically: `rapport-usage-<period>.pdf`, `.xlsx`, `-amap.csv`.
    public func writeUsageReport(_ report: UsageReport, fingerprint: String, into folder: URL, csv: Bool) throws -> [GeneratedDocument] {
        let stem = "rapport-usage-\(FileName.slug(report.data.period.label))"
        let scope = "federation:\(report.data.period.from):\(report.data.period.to)"
        var documents: [GeneratedDocument] = []
        let pages = usageReportPages(report)
        let info = DocumentInfo(title: "\(report.title) — \(report.federationName)", author: report.federationName,
                                subject: "Usage de la plateforme et répartition du coût d'hébergement", createdAt: environment.epochSeconds)
        let pdf = folder.appendingPathComponent("\(stem).pdf")
        try AtomicFile.write(to: pdf) { tmp in try renderer.render(pages, info: info, to: tmp) }
        documents.append(try generated("usage-report", scope: scope, fingerprint: fingerprint, url: pdf, pages: pages.count))
        let xlsx = folder.appendingPathComponent("\(stem).xlsx")
        var sheets = 0
        try AtomicFile.write(to: xlsx) { tmp in
            sheets = try UsageWorkbook.write(report, to: tmp, createdAt: environment.epochSeconds).count
        }
        documents.append(try generated("usage-workbook", scope: scope, fingerprint: fingerprint, url: xlsx, pages: sheets))
        if csv {
            let url = folder.appendingPathComponent("\(stem)-amap.csv")
            try AtomicFile.write(report.csvTable.data, to: url)
            documents.append(try generated("usage-csv", scope: scope, fingerprint: fingerprint, url: url, pages: 1))
        }
        return documents
    }

    private func generated(_ kind: String, scope: String, fingerprint: String, url: URL, pages: Int) throws -> GeneratedDocument {
        let bytes = try Data(contentsOf: url)
        return GeneratedDocument(kind: kind, scope: scope, fingerprint: fingerprint, path: url.path,
                                 checksum: SHA256.hex(bytes), bytes: bytes.count, pages: pages)
    }

    /// `output/federation/`.
    public var defaultUsageReportFolder: URL {
        environment.outputDirectory.appendingPathComponent("federation", isDirectory: true)
    }
}

extension SheetJobs {
    /// Reads the period's figures, shares the cost (when a cost file is given), writes the PDF,
    /// the workbook and optionally the CSV into `folder` (default `output/federation/`), and records
    /// them in the ledger. Nothing is written when the cost file or the allocation is wrong.
    public func usageReport(period: UsagePeriod, costs: CostInput?, federationName: String, into folder: URL? = nil,
                            csv: Bool = false) throws -> [GeneratedDocument] {
        let (report, fingerprint) = try usageReportInputs(period: period, costs: costs, federationName: federationName)
        let documents = try factory.writeUsageReport(report, fingerprint: fingerprint,
                                                     into: folder ?? factory.defaultUsageReportFolder, csv: csv)
        for document in documents { try ledger?.record(document, at: factory.environment.epochSeconds) }
        return documents
    }

    /// The report and the fingerprint of what it is made from (the figures, the cost file's bytes,
    /// the federation's name), without writing anything.
    func usageReportInputs(period: UsagePeriod, costs: CostInput?, federationName: String) throws -> (UsageReport, String) {
        let data = try store.usageReportData(period: period)
        let report = try UsageReport.make(data, federationName: federationName, madeOn: factory.environment.now.date,
                                          costs: costs?.file)
        var fingerprint = Fingerprint()
        fingerprint.add("usage-report/1")
        fingerprint.add(federationName)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        fingerprint.add(SHA256.hex(try encoder.encode(data)))
        fingerprint.add(costs.map { SHA256.hex($0.bytes) } ?? "no costs")
        return (report, fingerprint.finalize())
    }
}
