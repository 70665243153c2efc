import CageotCore
import CageotDocuments

extension ContractGridLayout {
    /// The widths of the grid's columns and how the dates are split across pages.
    public struct Columns: Sendable, Hashable {
        public var name: Double
        public var contact: [Double]
        public var basket: [Double]
        /// Every date column has this width.
        public var date: Double
        /// The date indexes of each band of pages, in order; one empty band when there is no date.
        public var bands: [Range<Int>]

        public var fixedWidth: Double { name + contact.reduce(0, +) + basket.reduce(0, +) }
    }

    /// Sizes the name, contact and basket columns to their text (within bounds), then fits as many
    /// date columns of at least `minimumDateWidth` as the rest of `width` holds, spreading the
    /// dates evenly over as few bands as possible.
    public func columns(for sheet: ContractGridSheet, width: Double, measurer: some TextMeasurer) -> Columns {
        func natural(_ texts: [String], _ style: TextStyle) -> Double {
            texts.map { measurer.measure($0, style: style, width: nil).width }.max().map { $0 + 2 * padding } ?? 0
        }
        func widestWord(_ texts: [String], _ style: TextStyle) -> Double {
            natural(texts.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }, style)
        }
        func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double { min(max(value, range.lowerBound), range.upperBound) }

        let people = sheet.rows.flatMap(\.people)
        var name = clamp(max(natural(people.map(\.name), body), natural(["Abonnés"], headerStyle)), 90...170)
        var contact = sheet.contactTitles.indices.map { i in
            let bounds: ClosedRange<Double> = sheet.contactTitles[i] == "E-mail" ? 70...150 : 56...80
            return clamp(max(natural(people.map { $0.contact[i] }, body), widestWord([sheet.contactTitles[i]], headerStyle)), bounds)
        }
        var basket: [Double]
        switch options.basket {
        case .oneColumn:
            basket = [clamp(natural(sheet.rows.map { $0.basket.first ?? "" } + [sheet.basketTitles.first ?? ""], body), 90...180)]
        case .perProduct:
            basket = sheet.basketTitles.indices.map { i in
                clamp(max(natural(sheet.rows.map { $0.basket[i] }, body), widestWord([sheet.basketTitles[i]], headerStyle)), 30...70)
            }
        }

        let count = sheet.dates.count
        guard count > 0 else { return Columns(name: name, contact: contact, basket: basket, date: 0, bands: [0..<0]) }
        let dateMinimum = max(minimumDateWidth,
                              widestWord(sheet.dates.map(\.title), headerStyle),
                              widestWord([Self.turnMark, Self.absentMark, Self.noOrderMark], markStyle))
        // The fixed columns give way (their text wraps) rather than leave too few dates on a page.
        let least = Double(min(count, minimumDatesPerPage, max(1, Int(width * 0.6 / dateMinimum)))) * dateMinimum
        let fixed = name + contact.reduce(0, +) + basket.reduce(0, +)
        if fixed > width - least {
            let scale = (width - least) / fixed
            name *= scale
            contact = contact.map { $0 * scale }
            basket = basket.map { $0 * scale }
        }
        let available = width - (name + contact.reduce(0, +) + basket.reduce(0, +))
        let perPage = max(1, Int((available / dateMinimum + 1e-9).rounded(.down)))
        let bandCount = (count + perPage - 1) / perPage
        let perBand = (count + bandCount - 1) / bandCount
        let date = min(maximumDateWidth, max(available / Double(perBand), min(dateMinimum, available)))
        let bands = stride(from: 0, to: count, by: perBand).map { $0..<min(count, $0 + perBand) }
        return Columns(name: name, contact: contact, basket: basket, date: date, bands: bands)
    }

    /// The columns of one band: the fixed ones, then the band's dates.
    struct Grid {
        enum Kind: Equatable { case name, contact(Int), basket(Int), date(Int) }
        struct Column { var title: String; var width: Double; var kind: Kind; var x: Double }
        var columns: [Column] = []

        init(sheet: ContractGridSheet, columns widths: Columns, band: Range<Int>) {
            var x = 0.0
            func add(_ title: String, _ width: Double, _ kind: Kind) {
                columns.append(Column(title: title, width: width, kind: kind, x: x))
                x += width
            }
            add("Abonnés", widths.name, .name)
            for (i, title) in sheet.contactTitles.enumerated() { add(title, widths.contact[i], .contact(i)) }
            for (i, title) in sheet.basketTitles.enumerated() { add(title, widths.basket[i], .basket(i)) }
            for i in band { add(sheet.dates[i].title, widths.date, .date(i)) }
        }

        var width: Double { columns.last.map { $0.x + $0.width } ?? 0 }
    }

    func headerHeight(_ grid: Grid, _ measurer: some TextMeasurer) -> Double {
        grid.columns.map { measurer.measure($0.title, style: headerStyle, width: max(1, $0.width - 2 * padding)).height }
            .max().map { $0 + 2 * padding } ?? 0
    }

    /// The column header with its top-left corner at `origin`.
    func header(_ grid: Grid, at origin: Point, _ measurer: some TextMeasurer) -> [PageItem] {
        let height = headerHeight(grid, measurer)
        var items: [PageItem] = [.fill(Rect(x: origin.x, y: origin.y, width: grid.width, height: height), gray: 0.88)]
        for column in grid.columns {
            let centred: Bool
            switch column.kind {
            case .date: centred = true
            case .basket: centred = options.basket == .perProduct
            default: centred = false
            }
            items.append(.text(column.title, frame: Rect(x: origin.x + column.x + padding, y: origin.y + padding,
                                                         width: max(1, column.width - 2 * padding), height: height - 2 * padding),
                               style: headerStyle.with(alignment: centred ? .center : .left)))
        }
        for column in grid.columns.dropFirst() {
            items.append(.line(from: Point(x: origin.x + column.x, y: origin.y), to: Point(x: origin.x + column.x, y: origin.y + height),
                               width: ruleWidth / 2, gray: 0.4))
        }
        items.append(.box(Rect(x: origin.x, y: origin.y, width: grid.width, height: height), width: ruleWidth, gray: 0))
        return items
    }

    /// The height of each person's line and of the whole block.
    struct Measured { var people: [Double]; var height: Double }

    func measure(_ row: ContractGridSheet.Row, grid: Grid, _ measurer: some TextMeasurer) -> Measured {
        func height(_ text: String, _ style: TextStyle, _ width: Double) -> Double {
            text.isEmpty ? 0 : measurer.measure(text, style: style, width: max(1, width - 2 * padding)).height + 2 * padding
        }
        var people = row.people.map { _ in signatureHeight }
        var spanning = 0.0
        for column in grid.columns {
            switch column.kind {
            case .name:
                for (i, person) in row.people.enumerated() { people[i] = max(people[i], height(person.name, body, column.width)) }
            case let .contact(k):
                for (i, person) in row.people.enumerated() { people[i] = max(people[i], height(person.contact[k], body, column.width)) }
            case let .basket(k):
                spanning = max(spanning, height(row.basket[k], body, column.width))
            case let .date(d):
                if let mark = Self.mark(row.cells[d]) {
                    let h = height(mark, markStyle, column.width)
                    if case let .turn(person) = row.cells[d], person < people.count { people[person] = max(people[person], h) } else { spanning = max(spanning, h) }
                }
            }
        }
        let total = people.reduce(0, +)
        if spanning > total { people = people.map { $0 + (spanning - total) / Double(people.count) } }
        return Measured(people: people, height: max(total, spanning))
    }

    static func mark(_ cell: ContractGridSheet.Cell) -> String? {
        switch cell {
        case .sign: nil
        case .turn: turnMark
        case .absent: absentMark
        case .noOrder: noOrderMark
        case .notSubscribed: notSubscribedMark
        }
    }

    /// One subscription's block with its top-left corner at `origin`: fills first, then text, then rules.
    func draw(_ row: ContractGridSheet.Row, grid: Grid, at origin: Point, measured: Measured, _ measurer: some TextMeasurer) -> [PageItem] {
        var fills: [PageItem] = [], texts: [PageItem] = [], rules: [PageItem] = []
        var tops = [origin.y]
        for h in measured.people.dropLast() { tops.append(tops[tops.count - 1] + h) }
        func cell(_ column: Grid.Column, top: Double, height: Double) -> Rect {
            Rect(x: origin.x + column.x, y: top, width: column.width, height: height)
        }
        func text(_ string: String, in rect: Rect, _ style: TextStyle) {
            guard !string.isEmpty else { return }
            texts.append(.text(string, frame: Rect(x: rect.x + padding, y: rect.y + padding, width: max(1, rect.width - 2 * padding),
                                                  height: max(1, rect.height - 2 * padding)), style: style))
        }
        var splitColumns: [Grid.Column] = []
        for column in grid.columns {
            let whole = cell(column, top: origin.y, height: measured.height)
            switch column.kind {
            case .name:
                splitColumns.append(column)
                for (i, person) in row.people.enumerated() { text(person.name, in: cell(column, top: tops[i], height: measured.people[i]), body) }
            case let .contact(k):
                splitColumns.append(column)
                for (i, person) in row.people.enumerated() { text(person.contact[k], in: cell(column, top: tops[i], height: measured.people[i]), body) }
            case let .basket(k):
                text(row.basket[k], in: whole, body.with(alignment: options.basket == .perProduct ? .center : .left))
            case let .date(d):
                switch row.cells[d] {
                case .sign:
                    break
                case let .turn(person):
                    splitColumns.append(column)
                    for i in row.people.indices {
                        let rect = cell(column, top: tops[i], height: measured.people[i])
                        if i == person { text(Self.turnMark, in: rect, markStyle) } else { fills.append(.fill(rect, gray: 0.8)) }
                    }
                case .absent:
                    text(Self.absentMark, in: whole, markStyle)
                case .noOrder:
                    text(Self.noOrderMark, in: whole, markStyle)
                case .notSubscribed:
                    fills.append(.fill(whole, gray: 0.92))
                    text(Self.notSubscribedMark, in: whole, markStyle)
                }
            }
        }
        // A light rule between the holder's and the partner's lines, where the cells are theirs.
        for top in tops.dropFirst() {
            for column in splitColumns {
                rules.append(.line(from: Point(x: origin.x + column.x, y: top), to: Point(x: origin.x + column.x + column.width, y: top),
                                   width: ruleWidth / 2, gray: 0.6))
            }
        }
        for column in grid.columns.dropFirst() {
            rules.append(.line(from: Point(x: origin.x + column.x, y: origin.y), to: Point(x: origin.x + column.x, y: origin.y + measured.height),
                               width: ruleWidth / 2, gray: 0.4))
        }
        rules.append(.box(Rect(x: origin.x, y: origin.y, width: grid.width, height: measured.height), width: ruleWidth, gray: 0))
        return fills + texts + rules
    }
}
