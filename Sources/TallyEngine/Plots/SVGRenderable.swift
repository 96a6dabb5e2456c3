import Foundation

/// A chart that renders itself as a self-contained SVG document: no scripts, no external
/// fonts or stylesheets, a viewBox so it scales, and `currentColor` for axes and text so
/// it follows the page's light or dark theme.
public protocol SVGRenderable {
    /// The chart as a complete `<svg>` document.
    var svg: String { get }
}

/// A named list of (x, y) points: a line, a set of markers or a trajectory.
public struct Series: Equatable {
    /// The legend entry.
    public var name: String
    /// The x coordinates, as many as `y`.
    public var x: [Double]
    /// The y coordinates, as many as `x`.
    public var y: [Double]

    /// A series of the points (x[i], y[i]). Traps unless `x` and `y` have the same length.
    public init(_ name: String, x: [Double], y: [Double]) {
        engineRequire(x.count == y.count, "Series \(name): \(x.count) x values but \(y.count) y values")
        self.name = name
        self.x = x
        self.y = y
    }

    /// y against its index 0, 1, 2, … (e.g. a loss per epoch).
    public init(_ name: String, y: [Double]) {
        self.init(name, x: y.indices.map(Double.init), y: y)
    }

    /// Points given as [x, y, …] lists (e.g. an optimizer's `Trajectory.points`); extra
    /// coordinates are ignored.
    public init(_ name: String, points: [[Double]]) {
        engineRequire(points.allSatisfy { $0.count >= 2 }, "Series \(name): every point needs x and y")
        self.init(name, x: points.map { $0[0] }, y: points.map { $0[1] })
    }
}

/// Series colours, mid-luminance so they stay readable on white and on near-black.
let seriesPalette = ["#3b82f6", "#f97316", "#10b981", "#ef4444", "#a855f7", "#eab308", "#06b6d4", "#ec4899"]

func seriesColor(_ index: Int) -> String { seriesPalette[index % seriesPalette.count] }

/// A coordinate rounded to 2 decimals, the precision of every number in the SVG.
func roundedCoordinate(_ value: Double) -> Double { (value * 100).rounded() / 100 }

/// A number rounded to 2 decimals, without trailing zeros, to keep the SVG small.
func svgNumber(_ value: Double) -> String {
    let rounded = roundedCoordinate(value)
    if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
    return String(rounded)
}

/// Text safe inside an XML element or a double-quoted attribute. (The same rule as TallyDocument's `String.xmlEscaped`:
/// the engine links into notebook programs and depends on no other module, so it keeps this copy.)
func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        default: escaped.append(character)
        }
    }
    return escaped
}

/// Path data through the points in order; nil points (not drawable) break the line.
/// After each run's first point, relative moves ("l dx,dy …") keep the numbers short; they
/// are differences of the already rounded absolute coordinates, so rounding cannot drift.
func polylinePath(_ points: [(x: Double, y: Double)?]) -> String {
    var runs: [[(x: Double, y: Double)]] = [[]]
    for point in points {
        if let point {
            runs[runs.count - 1].append((roundedCoordinate(point.x), roundedCoordinate(point.y)))
        } else if !runs[runs.count - 1].isEmpty {
            runs.append([])
        }
    }
    return runs.filter { !$0.isEmpty }.map { run in
        let moves = zip(run.dropFirst(), run).map { svgNumber($0.x - $1.x) + "," + svgNumber($0.y - $1.y) }
        return "M" + svgNumber(run[0].x) + "," + svgNumber(run[0].y)
            + (moves.isEmpty ? "" : "l" + moves.joined(separator: " "))
    }.joined()
}
