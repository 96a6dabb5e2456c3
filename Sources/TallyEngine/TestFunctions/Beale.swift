import Foundation

extension TestFunction {
    /// (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²: steep walls and flat plateaus,
    /// minimum 0 at (3, 0.5).
    public static let beale = TestFunction(name: "Beale", minimum: [3, 0.5], value: { p in
        bealeTerms(p[0], p[1]).reduce(0) { $0 + $1.residual * $1.residual }
    }, gradient: { p in
        bealeTerms(p[0], p[1]).reduce(into: [0.0, 0.0]) { g, term in
            g[0] += 2 * term.residual * term.dx
            g[1] += 2 * term.residual * term.dy
        }
    })
}

/// Each term cᵢ − x + x·yⁱ with its partial derivatives.
private func bealeTerms(_ x: Double, _ y: Double) -> [(residual: Double, dx: Double, dy: Double)] {
    [(1.5, 1.0), (2.25, 2.0), (2.625, 3.0)].map { c, i in
        let yi = pow(y, i)
        return (c - x + x * yi, -1 + yi, x * i * pow(y, i - 1))
    }
}
