import TallyHashing
import Foundation

/// The JSON columns of the schema-11 `col` row (`conf`, `models`, `decks`, `dconf`), with the keys current Anki
/// reads when it imports a legacy package (the same set genanki writes).
enum CollectionJSON {
    static let defaultDeckID: Int64 = 1
    static let deckConfigID: Int64 = 1

    static func conf() -> String {
        encode([
            "activeDecks": [defaultDeckID], "addToCur": true, "collapseTime": 1200, "curDeck": defaultDeckID,
            "curModel": String(AnkiNoteType.basic.id), "dueCounts": true, "estTimes": true, "newBury": true,
            "newSpread": 0, "nextPos": 1, "sortBackwards": false, "sortType": "noteFld", "timeLim": 0,
        ])
    }

    static func models(mods: [AnkiNoteType: Int64]) -> String {
        var all: [String: Any] = [:]
        for type in AnkiNoteType.allCases {
            all[String(type.id)] = model(type, mod: mods[type] ?? 0)
        }
        return encode(all)
    }

    /// The decks by name, each with the parents Anki needs to see (`A::B` needs `A`), and Anki's `Default`.
    static func decks(named names: Set<String>) -> String {
        var all: [String: Any] = [String(defaultDeckID): deck(id: defaultDeckID, name: "Default")]
        for name in names {
            let parts = name.components(separatedBy: "::")
            for depth in 1...parts.count {
                let prefix = parts[..<depth].joined(separator: "::")
                all[String(deckID(for: prefix))] = deck(id: deckID(for: prefix), name: prefix)
            }
        }
        return encode(all)
    }

    static func dconf() -> String {
        encode([String(deckConfigID): [
            "autoplay": true, "id": deckConfigID, "maxTaken": 60, "mod": 0, "name": "Default", "replayq": true,
            "timer": 0, "usn": 0,
            "lapse": ["delays": [10], "leechAction": 0, "leechFails": 8, "minInt": 1, "mult": 0] as [String: Any],
            "new": ["bury": true, "delays": [1, 10], "initialFactor": 2500, "ints": [1, 4, 7], "order": 1,
                    "perDay": 20, "separate": true] as [String: Any],
            "rev": ["bury": true, "ease4": 1.3, "fuzz": 0.05, "ivlFct": 1, "maxIvl": 36500, "minSpace": 1,
                    "perDay": 100] as [String: Any],
        ] as [String: Any]])
    }

    /// Anki matches decks by name, so the id only has to be stable and unique within the package.
    static func deckID(for name: String) -> Int64 {
        let bytes = SHA256.digest(Array("tally-deck:\(name)".utf8)).prefix(6)
        let id = bytes.reduce(Int64(0)) { $0 << 8 | Int64($1) }
        return id == defaultDeckID ? id + 1 : id
    }

    private static func model(_ type: AnkiNoteType, mod: Int64) -> [String: Any] {
        [
            "id": String(type.id), "name": type.name, "type": type.isCloze ? 1 : 0, "mod": mod, "usn": -1,
            "sortf": 0, "did": defaultDeckID, "tags": [String](), "vers": [Int](), "css": NoteTypeCSS.css,
            "latexPre": latexPre, "latexPost": "\\end{document}", "latexsvg": false,
            "flds": type.fieldNames.enumerated().map { ord, name in
                ["name": name, "ord": ord, "font": "Arial", "size": 20, "rtl": false, "sticky": false,
                 "media": [String]()] as [String: Any]
            },
            "tmpls": type.templates.enumerated().map { ord, t in
                ["name": t.name, "ord": ord, "qfmt": t.question, "afmt": t.answer, "bqfmt": "", "bafmt": "",
                 "bfont": "", "bsize": 0, "did": NSNull()] as [String: Any]
            },
            // Legacy "required fields": each card needs its own question field (the first, for cloze).
            "req": type.templates.indices.map { ord in [ord, "all", [ord]] as [Any] },
        ]
    }

    private static let latexPre = """
    \\documentclass[12pt]{article}
    \\special{papersize=3in,5in}
    \\usepackage[utf8]{inputenc}
    \\usepackage{amssymb,amsmath}
    \\pagestyle{empty}
    \\setlength{\\parindent}{0in}
    \\begin{document}

    """

    private static func deck(id: Int64, name: String) -> [String: Any] {
        [
            "id": id, "name": name, "conf": deckConfigID, "desc": "", "dyn": 0, "collapsed": false,
            "extendNew": 10, "extendRev": 50, "mod": 0, "usn": -1,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
        ]
    }

    private static func encode(_ object: Any) -> String {
        // The inputs are fixed dictionaries of JSON types, so serialisation cannot fail.
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
