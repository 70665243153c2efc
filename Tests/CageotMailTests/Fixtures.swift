import CageotMail
import CageotXLSX
import Foundation

enum Fixtures {
    static let subject = "Commandes semaine 49 — Ferme de Kervœn"
    static let body = "Bonjour,\n\nVoici les commandes de la semaine 49 : 12 paniers, 3 œufs × 6.\nÀ jeudi !\n"
    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// A real workbook from CageotXLSX, as the weekly orders will be.
    static func workbook() throws -> [UInt8] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cageot-mail-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let book = try Workbook(path: url, properties: .init(title: "Commandes", createdAt: 1_795_000_000))
        let sheet = try book.addWorksheet(named: "Commandes")
        try sheet.write(row: 0, col: 0, .text("Produit"))
        try sheet.write(row: 1, col: 0, .text("Œufs de Kervœn"))
        try book.close()
        return Array(try Data(contentsOf: url))
    }

    static func message(to: [MailAddress], attachments: [MailMessage.Attachment] = []) throws -> MailMessage {
        MailMessage(
            from: try MailAddress("cageot@amap.example", name: "AMAP des Coteaux — Cageot"),
            to: to,
            replyTo: try MailAddress("coordination@amap.example"),
            subject: subject, body: body, attachments: attachments,
            messageID: "<semaine49.kervoen@amap.example>",
            date: MailDate(epochSeconds: 1_796_500_800, utcOffsetMinutes: 60))
    }
}
