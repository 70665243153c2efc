import CageotCore
import Foundation

/// A value of a chart: its label, its size, and the text printed beside it (`12 345,00 €`).
public struct ChartValue: Sendable, Hashable {
    public var label: String
    public var value: Double
    public var text: String
    public init(label: String, value: Double, text: String) { self.label = label; self.value = value; self.text = text }
}

/// Charts drawn with the page's own items (fills, lines, text) in greys that print well on a home
/// printer: vertical columns for a series over time, horizontal bars for one value per AMAP.
public enum Chart {
    /// The axis maximum for four grid lines: 4 × a round step (1, 2 or 5 × 10ⁿ, at least 1, so
    /// that counts are labelled with whole numbers) at or above `value`.
    public static func niceMaximum(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 4 }
        let quarter = value / 4
        let power = max(1, pow(10, floor(log10(quarter))))
        for step in [1.0, 2, 5, 10] where step * power >= quarter * (1 - 1e-12) { return 4 * step * power }
        return 40 * power
    }

    /// A column chart `width` × `height` (axis labels included) with its top-left corner at `origin`:
    /// the title, four grid lines labelled with `axisText`, a column per value with its text on top
    /// and its label below.
    public static func columns(_ title: String, values: [ChartValue], origin: Point, width: Double, height: Double,
                               axisText: (Double) -> String, style: TextStyle, measurer: some TextMeasurer) -> [PageItem] {
        let titleStyle = style.with(bold: true, size: style.size * 1.2)
        let titleHeight = measurer.measure(title, style: titleStyle, width: width).height + 6
        var items: [PageItem] = [.text(title, frame: Rect(x: origin.x, y: origin.y, width: width, height: titleHeight), style: titleStyle)]
        let small = style.with(size: style.size * 0.85)
        let lineHeight = measurer.measure("0", style: small, width: nil).height
        let maximum = niceMaximum(values.map(\.value).max() ?? 0)
        let axisWidth = (0...4).map { measurer.measure(axisText(maximum * Double($0) / 4), style: small, width: nil).width }.max()! + 4
        let plot = Rect(x: origin.x + axisWidth, y: origin.y + titleHeight + lineHeight,
                        width: width - axisWidth, height: height - titleHeight - 3 * lineHeight - 4)
        for step in 0...4 {
            let y = plot.maxY - plot.height * Double(step) / 4
            items.append(.line(from: Point(x: plot.x, y: y), to: Point(x: plot.maxX, y: y), width: step == 0 ? 0.8 : 0.3,
                               gray: step == 0 ? 0 : 0.7))
            items.append(.text(axisText(maximum * Double(step) / 4),
                               frame: Rect(x: origin.x, y: y - lineHeight / 2, width: axisWidth - 4, height: lineHeight),
                               style: small.with(alignment: .right)))
        }
        guard !values.isEmpty else { return items }
        let slot = plot.width / Double(values.count)
        let barWidth = slot * 0.66
        for (index, value) in values.enumerated() {
            let x = plot.x + slot * Double(index)
            let barHeight = plot.height * max(0, value.value) / maximum
            if barHeight > 0 {
                items.append(.fill(Rect(x: x + (slot - barWidth) / 2, y: plot.maxY - barHeight, width: barWidth, height: barHeight), gray: 0.45))
            }
            // The value above its column, when there is room for it; the label below the axis.
            if measurer.measure(value.text, style: small, width: nil).width <= slot {
                items.append(.text(value.text, frame: Rect(x: x, y: plot.maxY - barHeight - lineHeight - 1, width: slot, height: lineHeight),
                                   style: small.with(alignment: .center)))
            }
            items.append(.text(value.label, frame: Rect(x: x, y: plot.maxY + 3, width: slot, height: 2 * lineHeight),
                               style: small.with(alignment: .center)))
        }
        return items
    }

    /// One row of a horizontal bar chart: the label on the left (`labelWidth`), the bar scaled to
    /// `maximum`, the value's text after it. Returns the items and the row's height.
    public static func bar(_ value: ChartValue, maximum: Double, origin: Point, width: Double, labelWidth: Double,
                           style: TextStyle, measurer: some TextMeasurer) -> (items: [PageItem], height: Double) {
        let label = measurer.measure(value.label, style: style, width: labelWidth - 4)
        let textWidth = measurer.measure(value.text, style: style, width: nil).width + 4
        let height = max(label.height, measurer.measure("0", style: style, width: nil).height) + 2
        let track = max(1, width - labelWidth - textWidth - 3)
        let length = track * max(0, value.value) / max(maximum, .leastNonzeroMagnitude)
        var items: [PageItem] = [.text(value.label, frame: Rect(x: origin.x, y: origin.y + 1, width: labelWidth - 4, height: height - 2),
                                       style: style)]
        if length > 0 {
            items.append(.fill(Rect(x: origin.x + labelWidth, y: origin.y + 2, width: length, height: height - 4), gray: 0.45))
        }
        items.append(.text(value.text, frame: Rect(x: origin.x + labelWidth + length + 3, y: origin.y + 1, width: textWidth, height: height - 2),
                           style: style))
        return (items, height)
    }
}
