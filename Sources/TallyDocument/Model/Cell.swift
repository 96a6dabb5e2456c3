/// A fenced block whose info string starts with `swift`. All cells of a notebook run in order and share state.
public struct Cell: Hashable, Sendable {
    public struct Options: Hashable, Sendable {
        /// `swift hide`: runs, code not shown.
        public var hide = false
        /// `swift no-run`: shown, not run.
        public var noRun = false
        /// `swift expect-error`: must fail to compile or trap.
        public var expectError = false

        public init(hide: Bool = false, noRun: Bool = false, expectError: Bool = false) {
            self.hide = hide
            self.noRun = noRun
            self.expectError = expectError
        }

        /// The documented option words, in the order the README lists them.
        public static let words = ["hide", "no-run", "expect-error"]
    }

    /// A word of the info string after `swift` (`hide`, `no-run`, …), where it was written.
    public struct OptionWord: Hashable, Sendable {
        public var word: String
        public var location: SourceLocation

        public init(_ word: String, at location: SourceLocation) {
            self.word = word
            self.location = location
        }
    }

    /// 0-based position among the notebook's cells.
    public var index: Int
    public var code: String
    public var options: Options
    /// Every word written after `swift`, known or not (`UnknownCellOptionChecker` reports the unknown ones).
    public var optionWords: [OptionWord]
    /// The opening fence.
    public var location: SourceLocation
    /// The first line of code (the line after the opening fence).
    public var codeLocation: SourceLocation

    public init(index: Int, code: String, options: Options, optionWords: [OptionWord] = [],
                location: SourceLocation, codeLocation: SourceLocation) {
        self.index = index
        self.code = code
        self.options = options
        self.optionWords = optionWords
        self.location = location
        self.codeLocation = codeLocation
    }
}
