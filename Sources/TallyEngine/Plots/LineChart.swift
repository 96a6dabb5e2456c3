/// Lines through named series, e.g. training and validation loss per epoch.
///
///     lineChart(["train": trainLoss, "validation": validationLoss], yLabel: "loss", logScaleY: true)
public struct LineChart: SVGRenderable {
    /// The lines, drawn in order with a legend entry each.
    public var series: [Series]
    /// The chart's title (default none).
    public var title: String
    /// The x axis label (default none).
    public var xLabel: String
    /// The y axis label (default none).
    public var yLabel: String
    /// Log₁₀ y axis; points with y ≤ 0 are left out (breaking the line).
    public var logScaleY: Bool

    /// A chart of `series` as lines; `logScaleY` (default false) draws the y axis in log₁₀.
    public init(_ series: [Series], title: String = "", xLabel: String = "", yLabel: String = "",
                logScaleY: Bool = false) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logScaleY = logScaleY
    }

    /// The chart as a self-contained SVG document (no script, nothing loaded).
    public var svg: String {
        let frame = ChartFrame(
            x: Axis(values: series.flatMap(\.x)),
            y: Axis(values: series.flatMap(\.y), isLog: logScaleY, padding: 0.05),
            title: title, xLabel: xLabel, yLabel: yLabel,
            legend: legendEntries(series, mark: .line))
        let body = series.enumerated().map { index, line in
            let d = polylinePath(zip(line.x, line.y).map { frame.pixel($0, $1) })
            return "<g class=\"series\" data-name=\"\(xmlEscaped(line.name))\">"
                + "<path d=\"\(d)\" fill=\"none\" stroke=\"\(seriesColor(index))\" stroke-width=\"2\""
                + " stroke-linejoin=\"round\"/></g>"
        }.joined()
        return frame.document(body: body)
    }
}

/// A line chart of y values against their index, one series per name, in the order given.
public func lineChart(_ series: KeyValuePairs<String, [Double]>, title: String = "", xLabel: String = "",
                      yLabel: String = "", logScaleY: Bool = false) -> LineChart {
    LineChart(series.map { Series($0.key, y: $0.value) }, title: title, xLabel: xLabel, yLabel: yLabel,
              logScaleY: logScaleY)
}

/// The graph of a function sampled at `samples` evenly spaced points, e.g.
/// `plot(sigmoid, from: -6, to: 6)`. Non-finite values break the line.
public func plot(_ function: (Double) -> Double, from lower: Double, to upper: Double,
                 name: String = "f(x)", samples: Int = 200, title: String = "",
                 xLabel: String = "x", yLabel: String = "") -> LineChart {
    LineChart([sampled(function, name: name, from: lower, to: upper, samples: samples)],
              title: title, xLabel: xLabel, yLabel: yLabel)
}

/// Several functions on one chart, e.g. `plot(["sigmoid": sigmoid, "tanh": tanh], from: -4, to: 4)`.
public func plot(_ functions: KeyValuePairs<String, (Double) -> Double>, from lower: Double, to upper: Double,
                 samples: Int = 200, title: String = "", xLabel: String = "x", yLabel: String = "") -> LineChart {
    LineChart(functions.map { sampled($0.value, name: $0.key, from: lower, to: upper, samples: samples) },
              title: title, xLabel: xLabel, yLabel: yLabel)
}

private func sampled(_ function: (Double) -> Double, name: String, from lower: Double, to upper: Double,
                     samples: Int) -> Series {
    engineRequire(samples >= 2 && lower < upper, "plot: needs samples ≥ 2 and from < to")
    let xs = (0..<samples).map { lower + (upper - lower) * Double($0) / Double(samples - 1) }
    return Series(name, x: xs, y: xs.map(function))
}
