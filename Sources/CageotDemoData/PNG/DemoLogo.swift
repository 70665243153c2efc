/// The logo of the first group: a green leaf with its midrib on a transparent 64 × 64 square.
enum DemoLogo {
    static let size = 64

    static func png() -> [UInt8] {
        var rgba = [UInt8](repeating: 0, count: size * size * 4)
        let c = Double(size - 1) / 2
        for y in 0..<size {
            for x in 0..<size {
                // Rotate by 45° and test against an ellipse: a leaf pointing to the top right.
                let dx = Double(x) - c, dy = Double(y) - c
                let u = (dx - dy) / 2.0.squareRoot(), v = (dx + dy) / 2.0.squareRoot()
                let inLeaf = (u * u) / (29 * 29) + (v * v) / (14 * 14) <= 1
                let onRib = inLeaf && abs(v) < 1.2
                let onStem = !inLeaf && abs(v) < 1.5 && u < -26 && u > -31
                let i = (y * size + x) * 4
                if onRib || onStem {
                    rgba[i] = 0x2E; rgba[i + 1] = 0x6B; rgba[i + 2] = 0x1F; rgba[i + 3] = 0xFF
                } else if inLeaf {
                    let shade = UInt8(max(0, min(60, Int(v * 2 + 30))))
                    rgba[i] = 0x4C &+ shade / 3; rgba[i + 1] = 0xAF &- shade / 4; rgba[i + 2] = 0x50; rgba[i + 3] = 0xFF
                }
            }
        }
        return PNGEncoder.encode(width: size, height: size, rgba: rgba)
    }
}
