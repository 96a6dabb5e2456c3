import Foundation

/// The part of Swift's symbol graph format (`swift-symbolgraph-extract`, `swift package
/// dump-symbol-graph`; specified by swift-docc-symbolkit) that the engine reference reads: each
/// public symbol's kind, path, declaration, doc comment and source position, and which symbol is a
/// member of which.
public struct SymbolGraph: Decodable, Sendable {
    public struct Module: Decodable, Sendable {
        public var name: String
    }

    public struct Symbol: Decodable, Sendable {
        public struct Kind: Decodable, Sendable {
            /// `swift.func`, `swift.struct`, `swift.init`, `swift.property`, …
            public var identifier: String
            /// "Function", "Structure", "Initializer", "Instance Property", …
            public var displayName: String
        }
        public struct Identifier: Decodable, Sendable {
            /// The mangled name; symbols inherited from a protocol extension carry `::SYNTHESIZED::`.
            public var precise: String
        }
        public struct Names: Decodable, Sendable {
            public var title: String
        }
        /// A token of the declaration: `keyword`, `identifier`, `typeIdentifier`, `externalParam`, …
        public struct Fragment: Decodable, Sendable {
            public var kind: String
            public var spelling: String
            /// For a `typeIdentifier`, the symbol it names.
            public var preciseIdentifier: String?
        }
        public struct DocComment: Decodable, Sendable {
            public struct Line: Decodable, Sendable {
                public var text: String
            }
            /// The module the comment was written in: another one when it is inherited from a
            /// protocol requirement (e.g. `description` from the standard library).
            public var module: String?
            public var lines: [Line]
        }
        public struct Location: Decodable, Sendable {
            public struct Position: Decodable, Sendable {
                /// 0-based, as in the Language Server Protocol.
                public var line: Int
                public var character: Int
            }
            public var uri: String
            public var position: Position
        }

        public var kind: Kind
        public var identifier: Identifier
        public var pathComponents: [String]
        public var names: Names
        public var docComment: DocComment?
        public var declarationFragments: [Fragment]?
        public var location: Location?
        public var accessLevel: String

        public var isSynthesized: Bool { identifier.precise.contains("::SYNTHESIZED::") }
    }

    public struct Relationship: Decodable, Sendable {
        /// `memberOf`, `conformsTo`, `inheritsFrom`, `overrides`, `requirementOf`, …
        public var kind: String
        public var source: String
        public var target: String
        /// The target's qualified name when it is in another module (`Swift.Equatable`).
        public var targetFallback: String?
    }

    public var module: Module
    public var symbols: [Symbol]
    public var relationships: [Relationship]

    /// Reads every `*.symbols.json` in `folder` (a module's own graph and those of its extensions
    /// to other modules' types, such as `TallyEngine@Swift.symbols.json`), in name order.
    public static func load(folder: URL) throws -> [SymbolGraph] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".symbols.json") }.sorted()
        return try names.map { try JSONDecoder().decode(SymbolGraph.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
    }
}
