import Foundation

/// One axis: the visible data range, linear or log₁₀, and its tick values.
struct Axis {
    let isLog: Bool
    /// The visible range, in log₁₀ units on a log axis.
    let lower: Double
    let upper: Double
    let ticks: [Double]

    /// An axis over `range` (data units), or over the finite values (non-positive ones
    /// dropped on a log axis) with `padding` of the span added at each end.
    init(values: [Double], range: ClosedRange<Double>? = nil, isLog: Bool = false, padding: Double = 0) {
        self.isLog = isLog
        let transformed = (range.map { [$0.lowerBound, $0.upperBound] } ?? values)
            .compactMap { Axis.transform($0, isLog: isLog) }
        var lower = transformed.min() ?? 0
        var upper = transformed.max() ?? 1
        if lower == upper {
            // A constant series still needs a non-empty range to be drawn in.
            let half = isLog ? 0.5 : max(abs(lower) / 2, 0.5)
            lower -= half
            upper += half
        } else {
            let pad = (upper - lower) * padding
            lower -= pad
            upper += pad
        }
        self.lower = lower
        self.upper = upper
        ticks = isLog ? Axis.logTicks(lower, upper) : Axis.niceTicks(lower, upper)
    }

    static func transform(_ value: Double, isLog: Bool) -> Double? {
        guard value.isFinite else { return nil }
        if !isLog { return value }
        return value > 0 ? log10(value) : nil
    }

    /// The position of `value` along the axis, 0 at `lower` and 1 at `upper`; nil if it
    /// cannot be drawn (not finite, or not positive on a log axis).
    func fraction(_ value: Double) -> Double? {
        Axis.transform(value, isLog: isLog).map { ($0 - lower) / (upper - lower) }
    }

    /// About five ticks at multiples of 1, 2 or 5 × 10ⁿ.
    static func niceTicks(_ lower: Double, _ upper: Double) -> [Double] {
        let rough = (upper - lower) / 5
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough }!
        let first = ceil(lower / step - 1e-9)
        let last = floor(upper / step + 1e-9)
        guard first <= last else { return [] }
        // Multiplying an integer by the step (instead of adding steps) avoids drift; + 0 turns −0 into 0.
        return stride(from: first, through: last, by: 1).map { $0 * step + 0 }
    }

    /// Powers of ten (every k-th one over a wide range, so that at most about eight are labelled);
    /// 1, 2, 5 × 10ⁿ when the range spans less than two decades.
    static func logTicks(_ lower: Double, _ upper: Double) -> [Double] {
        let powersInRange = floor(upper) - ceil(lower) + 1
        let mantissas: [Double] = powersInRange >= 2 ? [1] : [1, 2, 5]
        let every = max(1, ceil(powersInRange / 8))
        return stride(from: floor(lower / every) * every, through: ceil(upper), by: every).flatMap { e in
            mantissas.map { $0 * pow(10, e) }
        }.filter { (lower...upper).contains(log10($0)) }
    }

    static func label(_ tick: Double) -> String { String(format: "%g", tick) }
}

/// A legend line: a name and how its series is drawn.
struct LegendEntry {
    enum Mark { case line, dot }
    let name: String
    let color: String
    let mark: Mark
}

/// Legend entries for the named series, coloured by their position in `series`.
func legendEntries(_ series: [Series], mark: LegendEntry.Mark) -> [LegendEntry] {
    series.enumerated().filter { !$1.name.isEmpty }.map {
        LegendEntry(name: $1.name, color: seriesColor($0), mark: mark)
    }
}

/// The common layout of all charts: title, plot area with axes, grid and tick labels,
/// axis labels, and a legend column on the right.
struct ChartFrame {
    static let width = 640.0
    static let height = 400.0

    let x: Axis
    let y: Axis
    let title: String
    let xLabel: String
    let yLabel: String
    let legend: [LegendEntry]

    var left: Double { 64 }
    var right: Double { ChartFrame.width - (legend.isEmpty ? 16 : 150) }
    var top: Double { title.isEmpty ? 16 : 40 }
    var bottom: Double { ChartFrame.height - 48 }

    /// Pixel coordinates of a data point, nil if it cannot be drawn.
    func pixel(_ px: Double, _ py: Double) -> (x: Double, y: Double)? {
        guard let fx = x.fraction(px), let fy = y.fraction(py) else { return nil }
        return (left + fx * (right - left), bottom - fy * (bottom - top))
    }

    /// The complete document around `body`, which is drawn in plot-area pixel coordinates.
    func document(body: String) -> String {
        let w = svgNumber(ChartFrame.width), h = svgNumber(ChartFrame.height)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
            + " style=\"max-width:100%;height:auto\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">"
        if !title.isEmpty {
            svg += "<title>\(xmlEscaped(title))</title>"
            svg += text(title, x: (left + right) / 2, y: 24, extra: " text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\"")
        }
        // A nested <svg> with the same coordinates clips the data to the plot area (say a
        // diverging trajectory) without a clipPath, whose id could clash between charts on a page.
        let area = [left, top, right - left, bottom - top].map(svgNumber)
        svg += axes + "<svg x=\"\(area[0])\" y=\"\(area[1])\" width=\"\(area[2])\" height=\"\(area[3])\""
            + " viewBox=\"\(area.joined(separator: " "))\" overflow=\"hidden\">" + body + "</svg>" + legendMarkup
        return svg + "</svg>"
    }

    private var axes: String {
        var grid = "", labels = ""
        for tick in x.ticks {
            guard let fx = x.fraction(tick) else { continue }
            let px = svgNumber(left + fx * (right - left))
            grid += "M\(px),\(svgNumber(top))V\(svgNumber(bottom))"
            labels += text(Axis.label(tick), x: left + fx * (right - left), y: bottom + 16, extra: " text-anchor=\"middle\"")
        }
        for tick in y.ticks {
            guard let fy = y.fraction(tick) else { continue }
            let py = bottom - fy * (bottom - top)
            grid += "M\(svgNumber(left)),\(svgNumber(py))H\(svgNumber(right))"
            labels += text(Axis.label(tick), x: left - 6, y: py + 4, extra: " text-anchor=\"end\"")
        }
        var svg = "<g class=\"axes\">"
        svg += "<path d=\"\(grid)\" stroke=\"currentColor\" stroke-opacity=\"0.15\" fill=\"none\"/>"
        svg += "<path d=\"M\(svgNumber(left)),\(svgNumber(top))V\(svgNumber(bottom))H\(svgNumber(right))\" stroke=\"currentColor\" fill=\"none\"/>"
        svg += labels
        if !xLabel.isEmpty {
            svg += text(xLabel, x: (left + right) / 2, y: ChartFrame.height - 12, extra: " text-anchor=\"middle\"")
        }
        if !yLabel.isEmpty {
            let cy = svgNumber((top + bottom) / 2)
            svg += "<text transform=\"translate(16,\(cy)) rotate(-90)\" text-anchor=\"middle\" fill=\"currentColor\">\(xmlEscaped(yLabel))</text>"
        }
        return svg + "</g>"
    }

    private var legendMarkup: String {
        guard !legend.isEmpty else { return "" }
        var svg = "<g class=\"legend\">"
        for (i, entry) in legend.enumerated() {
            let y = top + 8 + Double(i) * 20
            let x = right + 16
            switch entry.mark {
            case .line:
                svg += "<path d=\"M\(svgNumber(x)),\(svgNumber(y))h20\" stroke=\"\(entry.color)\" stroke-width=\"2\"/>"
            case .dot:
                svg += "<circle cx=\"\(svgNumber(x + 10))\" cy=\"\(svgNumber(y))\" r=\"4\" fill=\"\(entry.color)\"/>"
            }
            svg += text(entry.name, x: x + 26, y: y + 4, extra: "")
        }
        return svg + "</g>"
    }

    private func text(_ content: String, x: Double, y: Double, extra: String) -> String {
        "<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y))\" fill=\"currentColor\"\(extra)>\(xmlEscaped(content))</text>"
    }
}
