import CageotLayout

/// Every character is half the font size wide and a line is 1.25 × the size tall; wraps by
/// characters. Enough to test geometry without a font.
struct FixedWidthMeasurer: TextMeasurer {
    func measure(_ text: String, style: TextStyle, width: Double?) -> Size {
        let charWidth = style.size * 0.5 * (style.bold ? 1.1 : 1)
        var lines = 0
        var widest = 0.0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let natural = Double(line.count) * charWidth
            if let width, natural > width {
                let perLine = max(1, Int(width / charWidth))
                lines += (line.count + perLine - 1) / perLine
                widest = max(widest, Double(perLine) * charWidth)
            } else {
                lines += 1
                widest = max(widest, natural)
            }
        }
        return Size(width: widest, height: Double(max(lines, 1)) * style.size * 1.25)
    }
}
