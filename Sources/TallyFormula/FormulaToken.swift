/// One token of a formula's TeX.
struct FormulaToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// Digits with at most one decimal point: `0.25`, `12`.
        case number(String)
        /// One letter: a Latin letter, or a Greek letter typed as Unicode (`θ` arrives as `theta`).
        case letter(String)
        /// A control sequence without its backslash: `frac`, `,` (from `\,`), `{` (from `\{`).
        case command(String)
        /// Any other single character: `+ - = ( ) [ ] { } ^ _ | ' , / ! < > .`.
        case character(Character)
    }

    var kind: Kind
    /// UTF-8 bytes from the start of the formula.
    var offset: Int
    /// The token as written.
    var text: String

    func isCharacter(_ c: Character) -> Bool { kind == .character(c) }
    func isCommand(_ name: String) -> Bool { kind == .command(name) }
}
