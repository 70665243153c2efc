/// One thing drawn on a page at a fixed position. The renderer only reads these.
public enum PageItem: Sendable, Hashable {
    /// Text wrapped inside `frame.width`, starting at the frame's top; it never draws past the frame.
    case text(String, frame: Rect, style: TextStyle)
    /// A straight line of the given width in points; `gray` 0 is black, 1 is white.
    case line(from: Point, to: Point, width: Double, gray: Double)
    /// A filled rectangle (`gray` as above), drawn before the text above it.
    case fill(Rect, gray: Double)
    /// A stroked rectangle.
    case box(Rect, width: Double, gray: Double)
    /// A raster image (PNG or JPEG bytes) scaled to fit inside `frame`, keeping its proportions.
    case image(ImageBytes, frame: Rect)
}

/// Image bytes, compared by identity of content.
public struct ImageBytes: Sendable, Hashable {
    public var bytes: [UInt8]
    public init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// A laid-out page: its size, the items in drawing order, and its entries in the PDF outline.
public struct Page: Sendable, Hashable {
    public var size: Size
    public var items: [PageItem]
    public var bookmarks: [Bookmark]
    public init(size: Size, items: [PageItem] = [], bookmarks: [Bookmark] = []) {
        self.size = size; self.items = items; self.bookmarks = bookmarks
    }
}

/// An entry of the PDF outline (the reader's side panel) pointing at a place on its page.
public struct Bookmark: Sendable, Hashable {
    public var title: String
    /// 0 for a top-level entry, 1 for an entry under the previous level-0 one.
    public var level: Int
    public var y: Double
    public init(_ title: String, level: Int = 0, y: Double) { self.title = title; self.level = level; self.y = y }
}

/// What a renderer writes into the document's metadata.
public struct DocumentInfo: Sendable, Hashable {
    public var title: String
    public var author: String
    public var subject: String
    /// Seconds since 1970 (UTC); written as the creation and modification dates.
    public var createdAt: Int
    public init(title: String, author: String = "Cageot", subject: String = "", createdAt: Int) {
        self.title = title; self.author = author; self.subject = subject; self.createdAt = createdAt
    }
}
