import ArgumentParser

/// How formulas are checked: shared by `build`, `serve` and `check` (each formula is parsed by KaTeX).
struct MathOptions: ParsableArguments {
    @Flag(help: "Treat a formula KaTeX rejects as an error (it is a warning otherwise).")
    var strictMath = false
}
