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

/// A laid-out page: its size and the items in drawing order.
public struct Page: Sendable, Hashable {
    public var size: Size
    public var items: [PageItem]
    public init(size: Size, items: [PageItem] = []) { self.size = size; self.items = items }
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
