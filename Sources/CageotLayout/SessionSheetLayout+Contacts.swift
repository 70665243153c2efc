import CageotCore
import CageotDocuments

extension SessionSheetLayout {
    /// The `contacts` block, under the title: one short paragraph per person (the name in bold,
    /// then role, phone and e-mail), members on the left and farmers on the right, a rule below.
    /// Rows may break across pages.
    func contactsBlock(_ contacts: [SessionSheet.Contact], body: TextStyle, into composer: inout PageComposer,
                       measurer: some TextMeasurer) {
        guard !contacts.isEmpty else { return }
        let style = body.with(size: max(6.5, body.size - 1))
        let bold = style.with(bold: true)
        let gap = 10.0
        let width = (composer.contentWidth - gap) / 2
        // Members (main contact, coordinators) on the left, farmers on the right, side by side.
        let columns = [contacts.filter(\.isMember), contacts.filter { !$0.isMember }]
        for row in 0..<(columns.map(\.count).max() ?? 0) {
            let cells = (0..<2).filter { row < columns[$0].count }.map { column in
                let contact = columns[column][row]
                let phone = contact.isMember && !preset.phones ? nil : contact.phone
                let details = [contact.role.nonBlank, phone, contact.email].compactMap { $0 }.joined(separator: " · ")
                return (x: composer.left + Double(column) * (width + gap), name: contact.name, details: details,
                        nameHeight: measurer.measure(contact.name, style: bold, width: width).height,
                        detailsHeight: details.isEmpty ? 0 : measurer.measure(details, style: style, width: width).height)
            }
            let height = cells.map { $0.nameHeight + $0.detailsHeight }.max() ?? 0
            composer.ensureRoom(height + 2)
            let items = cells.flatMap { cell -> [PageItem] in
                [.text(cell.name, frame: Rect(x: cell.x, y: composer.y, width: width, height: cell.nameHeight), style: bold)]
                    + (cell.details.isEmpty ? [] : [.text(cell.details, frame: Rect(x: cell.x, y: composer.y + cell.nameHeight, width: width,
                                                                                     height: cell.detailsHeight), style: style)])
            }
            composer.place(items, height: height + 2)
        }
        composer.place([.line(from: Point(x: composer.left, y: composer.y + 1), to: Point(x: composer.left + composer.contentWidth, y: composer.y + 1),
                              width: 0.5, gray: 0.6)], height: 6)
    }
}

/// The line at the top of every continued page (`AMAP … — jeudi 3 décembre 2026 (suite)`),
/// followed by the header of the table being drawn, if any.
struct RunningTitle<Measurer: TextMeasurer> {
    let text: String
    let style: TextStyle
    let width: Double
    let measurer: Measurer

    func header(with table: Table?) -> (Point) -> (items: [PageItem], height: Double) {
        let height = measurer.measure(text, style: style, width: width).height + 3
        return { [text, style, width, measurer] origin in
            let title = PageItem.text(text, frame: Rect(x: origin.x, y: origin.y, width: width, height: height), style: style)
            guard let table else { return ([title], height) }
            return ([title] + table.header(at: Point(x: origin.x, y: origin.y + height), measurer), height + table.headerHeight(measurer))
        }
    }
}
