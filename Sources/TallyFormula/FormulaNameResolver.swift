/// Finds the Swift name of a formula's symbol that the check block does not bind.
///
/// The rules (the README's "Checked formulas" lists them for users), in order:
///
/// 1. `e` is Euler's number and `\pi` is π (the constants, not variables named e or pi).
/// 2. A single Latin letter is the Swift name of that letter: `x` → `x`, `\mathbf{W}` → `W`.
/// 3. A Greek letter is the Greek letter's Swift identifier when the notebook declares it
///    (`\eta` → `η`), else its ASCII name (`eta`). Variants name the same letter
///    (`\varepsilon` → `ε` / `epsilon`).
/// 4. A decorated name (subscript of letters and digits, primes, an accent) is the first of these
///    that the notebook declares, built from the base's names of rules 2–3: `g_t` → `g_t`, `gt`;
///    `\beta_1` → `β_1`, `β1`, `beta_1`, `beta1`; `\sigma'` → `σPrime`, `sigmaPrime`, `σ_prime`,
///    `sigma_prime`; `\hat y` → `yHat`, `y_hat`. When none is declared it needs a binding.
///    A function command with a prime is decorated the same way: `\tanh'` → `tanhPrime`, `tanh_prime`.
/// 5. A word (`\mathrm{ReLU}`, `\operatorname{softplus}`) is the word as written or lower-cased,
///    whichever the notebook declares, else the engine's function of that lower-cased name.
/// 6. `\partial`, `\nabla` and `\ell` have no value of their own: they may appear only inside an
///    expression the check block binds (`\frac{\partial J}{\partial W} = dW`).
///
/// A superscript is never part of a name: `W^1` and `z^2` are powers unless the check block binds
/// the whole `W^{1}` (see `FormulaTranslator`).
public struct FormulaNameResolver: Sendable {
    /// The identifiers the notebook declares (before the formula), used to choose among spellings.
    public var identifiers: Set<String>

    /// A resolver for a notebook that declares `identifiers` above the formula (see `FormulaIdentifiers`).
    public init(identifiers: Set<String>) {
        self.identifiers = identifiers
    }

    /// What a symbol stands for.
    public enum Resolution: Hashable, Sendable {
        /// A Swift expression naming the value (or function).
        case swift(String)
        /// A constant, as a Swift `Double` literal.
        case constant(String)
        /// No Swift name: the reason, as a sentence.
        case unresolved(String)
    }

    /// The engine's elementwise functions a word may name (rule 5).
    static let engineFunctions: Set<String> = ["sigmoid", "relu", "softplus", "swish", "elu", "selu", "heaviside", "tanh", "softmax", "gelu"]

    /// What `s` stands for by rules 1–6 (bindings and `for` variables are the translator's, before these).
    public func resolve(_ s: FormulaSymbol) -> Resolution {
        let tex = FormulaPrinter.print(s)
        let isPlain = s.subscript == nil && s.primes == 0 && s.accent == nil
        if isPlain, s.font == nil {
            if s.base == .latin("e") { return .constant("2.718281828459045") }
            if s.base == .greek("pi") { return .constant("Double.pi") }
        }
        switch s.base {
        case .command(let name):
            return .unresolved("\\\(name) can only appear inside an expression the check block binds, such as where \\frac{\\partial J}{\\partial W} = dW")
        case .word(let word, _):
            guard isPlain else { return decorated(s, stems: [word, word.lowercased()], tex: tex) }
            if identifiers.contains(word) { return .swift(word) }
            if identifiers.contains(word.lowercased()) || Self.engineFunctions.contains(word.lowercased()) {
                return .swift(word.lowercased())
            }
            return .unresolved("\(tex) needs a binding (where \(tex) = …): the notebook declares neither \(word) nor \(word.lowercased())")
        case .function(let name):
            return decorated(s, stems: [name], tex: tex)
        case .latin(let letter):
            return isPlain ? .swift(letter) : decorated(s, stems: [letter], tex: tex)
        case .greek(let name):
            let entry = GreekLetters.table[name]!
            if isPlain { return .swift(identifiers.contains(entry.letter) ? entry.letter : entry.ascii) }
            return decorated(s, stems: [entry.letter, entry.ascii], tex: tex)
        }
    }

    /// Rule 4: the first declared spelling of a decorated name.
    private func decorated(_ s: FormulaSymbol, stems: [String], tex: String) -> Resolution {
        var names = stems
        if let accent = s.accent {
            let word = ["widehat": "hat", "widetilde": "tilde", "overline": "bar"][accent] ?? accent
            names = names.flatMap { [$0 + word.prefix(1).uppercased() + word.dropFirst(), $0 + "_" + word] }
        }
        if s.primes > 0 {
            let word = String(repeating: "Prime", count: s.primes)
            names = names.flatMap { [$0 + word, $0 + "_" + word.lowercased()] }
        }
        if let sub = s.subscript {
            guard let text = Self.plainSubscript(sub) else {
                return .unresolved("\(tex) needs a binding (where \(tex) = …): a subscript such as \(FormulaPrinter.print(sub)) has no Swift spelling")
            }
            names = names.flatMap { [$0 + "_" + text, $0 + text] }
        }
        if let declared = names.first(where: identifiers.contains) { return .swift(declared) }
        let listed = names.prefix(4).joined(separator: ", ")
        return .unresolved("\(tex) needs a binding (where \(tex) = …): the notebook declares none of \(listed)")
    }

    /// A subscript made only of letters and digits (`t`, `1`, `in`), as text; nil otherwise.
    static func plainSubscript(_ e: FormulaExpression) -> String? {
        switch e.kind {
        case .number(let text):
            return text.allSatisfy(\.isNumber) ? text : nil
        case .symbol(let s):
            guard s.subscript == nil, s.primes == 0, s.accent == nil else { return nil }
            switch s.base {
            case .latin(let l): return l
            case .word(let w, _): return w.allSatisfy { $0.isLetter || $0.isNumber } ? w : nil
            case .greek(let g): return GreekLetters.table[g]!.ascii
            case .command, .function: return nil
            }
        case .binary(.implicit, let a, let b):
            guard let x = plainSubscript(a), let y = plainSubscript(b) else { return nil }
            return x + y
        default:
            return nil
        }
    }
}
