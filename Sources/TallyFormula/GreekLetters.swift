/// The Greek letters TeX names, with the Unicode letter (the Swift identifier a notebook may
/// declare, `η`) and the ASCII name it may use instead (`eta`).
///
/// Variant forms name the same letter: `\varepsilon` and `\epsilon` are both `ε` / `epsilon`,
/// `\vartheta` is `θ` / `theta`. Upper-case letters that look Latin (`A`, `B`, …) are not TeX
/// commands and so not listed.
enum GreekLetters {
    /// TeX command (without backslash) → (Unicode letter, ASCII name).
    static let table: [String: (letter: String, ascii: String)] = [
        "alpha": ("α", "alpha"), "beta": ("β", "beta"), "gamma": ("γ", "gamma"), "delta": ("δ", "delta"),
        "epsilon": ("ε", "epsilon"), "varepsilon": ("ε", "epsilon"), "zeta": ("ζ", "zeta"), "eta": ("η", "eta"),
        "theta": ("θ", "theta"), "vartheta": ("θ", "theta"), "iota": ("ι", "iota"), "kappa": ("κ", "kappa"),
        "lambda": ("λ", "lambda"), "mu": ("μ", "mu"), "nu": ("ν", "nu"), "xi": ("ξ", "xi"), "pi": ("π", "pi"),
        "varpi": ("π", "pi"), "rho": ("ρ", "rho"), "varrho": ("ρ", "rho"), "sigma": ("σ", "sigma"),
        "varsigma": ("σ", "sigma"), "tau": ("τ", "tau"), "upsilon": ("υ", "upsilon"), "phi": ("φ", "phi"),
        "varphi": ("φ", "phi"), "chi": ("χ", "chi"), "psi": ("ψ", "psi"), "omega": ("ω", "omega"),
        "Gamma": ("Γ", "Gamma"), "Delta": ("Δ", "Delta"), "Theta": ("Θ", "Theta"), "Lambda": ("Λ", "Lambda"),
        "Xi": ("Ξ", "Xi"), "Pi": ("Π", "Pi"), "Sigma": ("Σ", "Sigma"), "Upsilon": ("Υ", "Upsilon"),
        "Phi": ("Φ", "Phi"), "Psi": ("Ψ", "Psi"), "Omega": ("Ω", "Omega"),
    ]

    static func isGreek(_ command: String) -> Bool { table[command] != nil }

    /// The command for a Greek letter typed as Unicode (`θ` → `theta`), the plain form for variants.
    static func command(forUnicode c: Character) -> String? { unicode[String(c)] }

    private static let unicode: [String: String] = {
        var map: [String: String] = [:]
        for (command, entry) in table where !command.hasPrefix("var") { map[entry.letter] = command }
        map["ϵ"] = "epsilon"
        map["ϑ"] = "theta"
        map["φ"] = "phi"
        map["ϕ"] = "phi"
        return map
    }()
}
