import Foundation
import TallyDocument

/// What crosses the pipe between `KaTeXProcess` and `Resources/node/typeset-math.js` (which documents
/// both forms): a request is one line of JSON, written here byte by byte (`JSONText`) and parsed by Node's
/// own `JSON.parse`; a reply is length-prefixed binary (`BinaryReader`), read here without a JSON decoder.
/// Decoding the corpus' replies (840 KB, mostly KaTeX's HTML) with `JSONDecoder` and encoding the requests
/// with `JSONEncoder` was a fifth of the Swift side of typesetting.
enum KaTeXWire {
    /// One page's request: `{"macros":{…},"formulas":[{"tex":…,"display":…,"known":true,"defines":true},…]}`
    /// and a newline (`known` and `defines` only when true; macros by name, so the same macros are the
    /// same bytes, as Node's table of answers sent compares them).
    static func request(_ page: KaTeXProcess.Page) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(page.formulas.reduce(64) { $0 + $1.tex.utf8.count + 40 })
        out += #"{"macros":{"#.utf8
        for (i, name) in page.macros.keys.sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += JSONText.quoted(name).utf8
            out.append(UInt8(ascii: ":"))
            out += JSONText.quoted(page.macros[name]!).utf8
        }
        out += #"},"formulas":["#.utf8
        for (i, formula) in page.formulas.enumerated() {
            out += (i > 0 ? #",{"tex":"# : #"{"tex":"#).utf8
            out += JSONText.quoted(formula.tex).utf8
            out += (formula.display ? #","display":true"# : #","display":false"#).utf8
            if formula.known { out += #","known":true"#.utf8 }
            if formula.defines { out += #","defines":true"#.utf8 }
            out.append(UInt8(ascii: "}"))
        }
        out += "]}\n".utf8
        return out
    }

    /// One formula's entry in a reply.
    enum Entry {
        /// A `known` formula Node did not answer.
        case known
        /// The answer Node sent before under this number (answers are numbered from 0 as they are sent,
        /// for the life of the process).
        case same(Int)
        case answer(KaTeXProcess.Answer)
    }

    /// A reply: an entry per formula of the page, or why KaTeX failed on it.
    enum Reply {
        case results([Entry])
        case failure(String)
    }

    private enum Kind: UInt8 { case results = 0x52, failure = 0x46 }  // "R", "F"
    private enum Tag: UInt8 { case known = 0, same = 1, answer = 2 }

    /// Reads one reply (the bytes after its length), or nil when they are not one.
    static func reply(_ input: inout BinaryReader) -> Reply? {
        switch input.bytes(1)?.first.flatMap(Kind.init(rawValue:)) {
        case .failure:
            return input.string().map(Reply.failure)
        case .results:
            guard let count = input.uint32() else { return nil }
            var entries: [Entry] = []
            entries.reserveCapacity(Int(count))
            for _ in 0..<count {
                switch input.bytes(1)?.first.flatMap(Tag.init(rawValue:)) {
                case .known: entries.append(.known)
                case .same: guard let number = input.uint32() else { return nil }; entries.append(.same(Int(number)))
                case .answer: guard let answer = KaTeXProcess.Answer(reading: &input) else { return nil }; entries.append(.answer(answer))
                case nil: return nil
                }
            }
            return input.isAtEnd ? .results(entries) : nil
        case nil:
            return nil
        }
    }
}

extension KaTeXProcess.Answer {
    private enum Flag: UInt8 { case defines = 1, html = 2, text = 4, error = 8, position = 16 }

    /// The answer as Node sends it and `KaTeXCache` keeps it: a flags byte (1 defines, 2 html, 4 text,
    /// 8 error, 16 position), then the html, text and error strings and the position, each when flagged.
    func write(to out: inout BinaryWriter) {
        var flags: UInt8 = 0
        if defines { flags |= Flag.defines.rawValue }
        if result.html != nil { flags |= Flag.html.rawValue }
        if result.text != nil { flags |= Flag.text.rawValue }
        if result.error != nil { flags |= Flag.error.rawValue }
        if result.position != nil { flags |= Flag.position.rawValue }
        out.bytes([flags])
        for text in [result.html, result.text, result.error] { if let text { out.string(text) } }
        if let position = result.position { out.uint32(UInt32(truncatingIfNeeded: position)) }
    }

    /// Reads what `write(to:)` wrote; nil when the bytes end early.
    init?(reading input: inout BinaryReader) {
        guard let flags = input.bytes(1)?.first else { return nil }
        func has(_ flag: Flag) -> Bool { flags & flag.rawValue != 0 }
        var result = KaTeXProcess.Result()
        if has(.html) { guard let html = input.string() else { return nil }; result.html = html }
        if has(.text) { guard let text = input.string() else { return nil }; result.text = text }
        if has(.error) { guard let error = input.string() else { return nil }; result.error = error }
        if has(.position) { guard let position = input.uint32() else { return nil }; result.position = Int(position) }
        self.init(result: result, defines: has(.defines))
    }
}
