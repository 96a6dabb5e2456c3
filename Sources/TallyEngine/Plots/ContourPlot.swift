import Foundation

/// Level lines of a function of two variables over a box, with optional optimizer
/// trajectories drawn on top, e.g.
///
///     contour(rosenbrock, x: -2...2, y: -1...3, trajectories: ["SGD": sgd.points, "Adam": adam.points])
public struct ContourPlot: SVGRenderable {
    /// The level lines of one value of the function.
    public struct LevelLine: Equatable {
        /// The function value this line traces.
        public let level: Double
        /// Polylines in data coordinates, each point [x, y]; closed loops repeat their first point.
        public let polylines: [[[Double]]]
    }

    /// The x interval shown.
    public let xRange: ClosedRange<Double>
    /// The y interval shown.
    public let yRange: ClosedRange<Double>
    /// One entry per level, lowest level first.
    public let levelLines: [LevelLine]
    /// Optimizer paths drawn over the level lines, each a named series of points.
    public var trajectories: [Series]
    /// The chart's title (default none).
    public var title: String
    /// The x axis label (default "x").
    public var xLabel: String
    /// The y axis label (default "y").
    public var yLabel: String

    /// Samples `function` on a grid of `resolution` × `resolution` cells and traces each level
    /// with marching squares (linear interpolation along cell edges). Without explicit
    /// `levels`, uses `levelCount` quantiles of the sampled values, so that functions with
    /// a huge range (Rosenbrock) still get lines near their minimum.
    public init(_ function: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>,
                levels: [Double]? = nil, levelCount: Int = 12, resolution: Int = 60,
                trajectories: [Series] = [], title: String = "", xLabel: String = "x", yLabel: String = "y") {
        engineRequire(resolution >= 2, "contour: resolution must be at least 2")
        engineRequire(x.lowerBound < x.upperBound && y.lowerBound < y.upperBound, "contour: the box is empty")
        let grid = SampledGrid(function, x: x, y: y, cells: resolution)
        xRange = x
        yRange = y
        levelLines = (levels ?? grid.quantileLevels(count: levelCount)).map {
            LevelLine(level: $0, polylines: grid.levelPolylines($0))
        }
        self.trajectories = trajectories
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The chart as a self-contained SVG document (no script, nothing loaded).
    public var svg: String {
        let frame = ChartFrame(x: Axis(values: [], range: xRange), y: Axis(values: [], range: yRange),
                               title: title, xLabel: xLabel, yLabel: yLabel,
                               legend: legendEntries(trajectories, mark: .line))
        var body = "<g class=\"levels\" fill=\"none\" stroke=\"currentColor\">"
        for (index, line) in levelLines.enumerated() {
            // Lower levels are drawn stronger: they mark the region around the minimum.
            let opacity = 0.8 - 0.5 * Double(index) / Double(max(levelLines.count - 1, 1))
            let d = line.polylines.map { polylinePath($0.map { frame.pixel($0[0], $0[1]) }) }.joined()
            body += "<path data-level=\"\(line.level)\" stroke-opacity=\"\(svgNumber(opacity))\" d=\"\(d)\">"
                + "<title>\(xmlEscaped("f = \(Axis.label(line.level))"))</title></path>"
        }
        body += "</g>"
        for (index, trajectory) in trajectories.enumerated() {
            let points = zip(trajectory.x, trajectory.y).map { frame.pixel($0, $1) }
            let color = seriesColor(index)
            body += "<g class=\"series\" data-name=\"\(xmlEscaped(trajectory.name))\">"
                + "<path d=\"\(polylinePath(points))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" stroke-linejoin=\"round\"/>"
            // A hollow circle marks the start and a filled one the end.
            if let start = points.compactMap({ $0 }).first, let end = points.compactMap({ $0 }).last {
                body += "<circle cx=\"\(svgNumber(start.x))\" cy=\"\(svgNumber(start.y))\" r=\"4\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
                    + "<circle cx=\"\(svgNumber(end.x))\" cy=\"\(svgNumber(end.y))\" r=\"4\" fill=\"\(color)\"/>"
            }
            body += "</g>"
        }
        return frame.document(body: body)
    }
}

/// A contour plot with trajectories given as named point lists (e.g. `Trajectory.points`),
/// drawn in the order given.
public func contour(_ function: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>,
                    levels: [Double]? = nil, levelCount: Int = 12, resolution: Int = 60,
                    trajectories: KeyValuePairs<String, [[Double]]> = [:], title: String = "",
                    xLabel: String = "x", yLabel: String = "y") -> ContourPlot {
    ContourPlot(function, x: x, y: y, levels: levels, levelCount: levelCount, resolution: resolution,
                trajectories: trajectories.map { Series($0.key, points: $0.value) },
                title: title, xLabel: xLabel, yLabel: yLabel)
}

/// Function values at the vertices of a regular grid, and marching squares over its cells.
private struct SampledGrid {
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>
    let cells: Int
    /// values[j][i] = f(xᵢ, yⱼ).
    let values: [[Double]]

    init(_ function: (Double, Double) -> Double, x: ClosedRange<Double>, y: ClosedRange<Double>, cells: Int) {
        self.x = x
        self.y = y
        self.cells = cells
        let xs = (0...cells).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(cells) }
        let ys = (0...cells).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(cells) }
        values = ys.map { yj in xs.map { xi in function(xi, yj) } }
    }

    func quantileLevels(count: Int) -> [Double] {
        let sorted = values.joined().filter(\.isFinite).sorted()
        guard !sorted.isEmpty else { return [] }
        let levels = (0..<count).map { sorted[Int((Double($0) + 0.5) / Double(count) * Double(sorted.count))] }
        return Array(Set(levels)).sorted()
    }

    /// A cell edge, identified by its lower-left vertex and direction, so that the two cells
    /// sharing an edge name (and interpolate) the crossing point identically.
    private struct Edge: Hashable {
        let i: Int, j: Int, horizontal: Bool
    }

    func levelPolylines(_ level: Double) -> [[[Double]]] {
        // Each segment joins two crossed edges of one cell.
        var segments: [(Edge, Edge)] = []
        for j in 0..<cells {
            for i in 0..<cells {
                let corners = [values[j][i], values[j][i + 1], values[j + 1][i + 1], values[j + 1][i]]
                guard corners.allSatisfy(\.isFinite) else { continue }
                let above = corners.map { $0 >= level }
                // Edges in order bottom, right, top, left; edge k joins corners k and k + 1.
                let edges = [Edge(i: i, j: j, horizontal: true), Edge(i: i + 1, j: j, horizontal: false),
                             Edge(i: i, j: j + 1, horizontal: true), Edge(i: i, j: j, horizontal: false)]
                let crossed = (0..<4).filter { above[$0] != above[($0 + 1) % 4] }
                if crossed.count == 2 {
                    segments.append((edges[crossed[0]], edges[crossed[1]]))
                } else if crossed.count == 4 {
                    // Saddle: the cell centre's side decides which diagonal corners connect.
                    // If it sides with corners 0 and 2, corners 1 and 3 are cut off, and vice versa.
                    let centerAbove = corners.reduce(0, +) / 4 >= level
                    if centerAbove == above[0] {
                        segments += [(edges[0], edges[1]), (edges[2], edges[3])]
                    } else {
                        segments += [(edges[3], edges[0]), (edges[1], edges[2])]
                    }
                }
            }
        }
        return chain(segments).map { $0.map { crossing($0, level) } }
    }

    /// Joins segments that share an edge into polylines.
    private func chain(_ segments: [(Edge, Edge)]) -> [[Edge]] {
        var byEdge: [Edge: [Int]] = [:]
        for (index, segment) in segments.enumerated() {
            byEdge[segment.0, default: []].append(index)
            byEdge[segment.1, default: []].append(index)
        }
        var used = Array(repeating: false, count: segments.count)
        // Follows unused segments from `edge`, returning the edges reached.
        func extend(from edge: Edge) -> [Edge] {
            var path: [Edge] = []
            var current = edge
            while let next = byEdge[current]?.first(where: { !used[$0] }) {
                used[next] = true
                current = segments[next].0 == current ? segments[next].1 : segments[next].0
                path.append(current)
            }
            return path
        }
        var polylines: [[Edge]] = []
        for index in segments.indices where !used[index] {
            used[index] = true
            let (a, b) = segments[index]
            polylines.append(extend(from: a).reversed() + [a, b] + extend(from: b))
        }
        return polylines
    }

    /// Where the level crosses the edge, by linear interpolation between its vertices.
    private func crossing(_ edge: Edge, _ level: Double) -> [Double] {
        let (i2, j2) = edge.horizontal ? (edge.i + 1, edge.j) : (edge.i, edge.j + 1)
        let v1 = values[edge.j][edge.i], v2 = values[j2][i2]
        let t = v1 == v2 ? 0.5 : (level - v1) / (v2 - v1)
        return [point(Double(edge.i) + t * Double(i2 - edge.i), x),
                point(Double(edge.j) + t * Double(j2 - edge.j), y)]
    }

    /// Grid index (possibly fractional) to data coordinate.
    private func point(_ index: Double, _ range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * index / Double(cells)
    }
}
