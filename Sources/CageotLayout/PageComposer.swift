/// Fills pages top to bottom: knows the space left, starts a new page (with its repeated header)
/// when something does not fit, and numbers the pages `n / N` once all are known.
public struct PageComposer {
    public let size: Size
    public let margins: Margins
    public let footerHeight: Double
    public private(set) var pages: [Page] = []
    /// The y where the next item goes on the current page.
    public private(set) var y: Double = 0
    /// Drawn at the top of every page after the first one; returns its items and its height.
    public var continuationHeader: ((Point) -> (items: [PageItem], height: Double))? {
        didSet { continuationHeaderHeight = continuationHeader?(Point(x: margins.left, y: margins.top)).height ?? 0 }
    }
    private var continuationHeaderHeight = 0.0

    public struct Margins: Sendable, Hashable {
        public var top, left, bottom, right: Double
        public init(top: Double = 28, left: Double = 28, bottom: Double = 28, right: Double = 28) {
            self.top = top; self.left = left; self.bottom = bottom; self.right = right
        }
    }

    public init(size: Size = .a4Portrait, margins: Margins = Margins(), footerHeight: Double = 14) {
        self.size = size
        self.margins = margins
        self.footerHeight = footerHeight
        startPage(withHeader: false)
    }

    public var contentWidth: Double { size.width - margins.left - margins.right }
    public var left: Double { margins.left }
    /// The lowest y content may reach (the footer sits below).
    public var bottom: Double { size.height - margins.bottom - footerHeight }
    public var remaining: Double { bottom - y }
    /// The room on an empty continuation page, below its header.
    public var pageCapacity: Double { bottom - margins.top - continuationHeaderHeight }
    public var isAtTopOfPage: Bool { y <= margins.top + (pages.count > 1 ? continuationHeaderHeight : 0) + 0.01 }

    /// Adds items that occupy `height` from the current y, and moves down.
    public mutating func place(_ items: [PageItem], height: Double) {
        pages[pages.count - 1].items += items
        y += height
    }

    /// The room for the first part of something taller than a page, which starts here rather than
    /// leave this page empty; a page is started first when less than a quarter of one is left.
    public mutating func roomForFirstPart() -> Double {
        if remaining < pageCapacity / 4 && !isAtTopOfPage { startPage(withHeader: true) }
        return remaining
    }

    /// A paragraph the width of the page, `gapAbove` below what precedes it (none at the top of a
    /// page), on the next page when it does not fit here; never taller than a page.
    public mutating func paragraph(_ text: String, style: TextStyle, measurer: some TextMeasurer, gapAbove: Double) {
        let height = min(measurer.measure(text, style: style, width: contentWidth).height, pageCapacity)
        ensureRoom(gapAbove + height)
        skip(isAtTopOfPage ? 0 : gapAbove)
        place([.text(text, frame: Rect(x: left, y: y, width: contentWidth, height: height), style: style)], height: height)
    }

    /// Lines of text stacked the width of the page (a title block), 2 points apart and 6 above
    /// what follows; empty lines are left out.
    public mutating func stack(_ lines: [(String, TextStyle)], measurer: some TextMeasurer) {
        let top = y
        var next = top
        var items: [PageItem] = []
        for (text, style) in lines where !text.isEmpty {
            let height = measurer.measure(text, style: style, width: contentWidth).height
            items.append(.text(text, frame: Rect(x: left, y: next, width: contentWidth, height: height), style: style))
            next += height + 2
        }
        place(items, height: next - top + 6)
    }

    /// Adds an outline entry pointing at the current position.
    public mutating func bookmark(_ title: String, level: Int = 0) {
        pages[pages.count - 1].bookmarks.append(Bookmark(title, level: level, y: y))
    }

    /// Moves down without drawing.
    public mutating func skip(_ height: Double) { y += height }

    /// Starts a new page when `height` does not fit in what is left of this one.
    /// Returns true when a page was started.
    @discardableResult
    public mutating func ensureRoom(_ height: Double) -> Bool {
        guard height > remaining, !isAtTopOfPage else { return false }
        startPage(withHeader: true)
        return true
    }

    public mutating func startPage(withHeader: Bool) {
        pages.append(Page(size: size))
        y = margins.top
        if withHeader, let continuationHeader {
            let header = continuationHeader(Point(x: margins.left, y: y))
            place(header.items, height: header.height)
        }
    }

    /// The finished pages, each with `footer(n, N)` centred at the bottom in `style`.
    public func finish(footer: (Int, Int) -> String, style: TextStyle) -> [Page] {
        pages.enumerated().map { index, page in
            var page = page
            let frame = Rect(x: margins.left, y: size.height - margins.bottom - footerHeight + 4,
                             width: contentWidth, height: footerHeight - 4)
            page.items.append(.text(footer(index + 1, pages.count), frame: frame, style: style.with(alignment: .center)))
            return page
        }
    }
}
