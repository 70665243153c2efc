/// Points (1/72 inch), origin at the top-left corner of the page, y growing downwards.
public struct Point: Sendable, Hashable { public var x, y: Double; public init(x: Double, y: Double) { self.x = x; self.y = y } }
public struct Size: Sendable, Hashable { public var width, height: Double; public init(width: Double, height: Double) { self.width = width; self.height = height } }
public struct Rect: Sendable, Hashable {
    public var x, y, width, height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
}

/// A4 portrait: 595.28 × 841.89 pt.
public extension Size {
    static let a4Portrait = Size(width: 595.2756, height: 841.8898)
    static let a4Landscape = Size(width: 841.8898, height: 595.2756)
}
