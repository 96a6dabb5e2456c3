import Foundation

/// The engine's public interface, read from its symbol graphs and grouped for reading: a topic per
/// source folder, each type with the members declared beside it. Members declared in another
/// folder (`Tensor.argmax(axis:)` in `Activations/`) are listed in that folder's topic under their
/// qualified name, so each topic shows everything that concept adds.
public struct EngineReference: Sendable {
    public var module: String
    public var topics: [ReferenceTopic]

    public init(graphs: [SymbolGraph], module: String = "TallyEngine") {
        self.module = module
        // Symbols a protocol extension lends to every conforming type are documented once, on the protocol.
        let symbols = graphs.flatMap(\.symbols).filter { !$0.isSynthesized && $0.accessLevel != "private" }
        // A protocol's requirements and its extension's default implementations belong to it too.
        let relationships = graphs.flatMap(\.relationships)
        var parent: [String: String] = [:]
        for r in relationships where ["memberOf", "requirementOf", "optionalRequirementOf"].contains(r.kind) {
            parent[r.source] = r.target
        }
        for r in relationships where r.kind == "defaultImplementationOf" && parent[r.source] == nil {
            parent[r.source] = parent[r.target]
        }
        var entries = symbols.map(Self.entry)
        let (superclass, conformances) = Self.supertypes(relationships, titles: Dictionary(entries.map { ($0.id, $0.title) },
                                                                                           uniquingKeysWith: { first, _ in first }))
        for i in entries.indices {
            entries[i].superclass = superclass[entries[i].id] ?? []
            entries[i].conformances = conformances[entries[i].id] ?? []
        }
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func folder(_ e: ReferenceEntry) -> String { String(e.file.split(separator: "/").first.map(String.init) ?? "Other") }
        // Nested under its parent when both are declared in the same folder (members of members too).
        // A member the compiler made (an enum's `init(rawValue:)`) has no source position: it stays with its type.
        func container(of e: ReferenceEntry) -> String? {
            guard let p = parent[e.id], let owner = byID[p], folder(owner) == folder(e) || e.line == 0 else { return nil }
            return p
        }
        var children: [String: [ReferenceEntry]] = [:]
        for e in entries { if let c = container(of: e) { children[c, default: []].append(e) } }
        func assemble(_ e: ReferenceEntry) -> ReferenceEntry {
            var e = e
            e.members = (children[e.id] ?? []).sorted(by: Self.memberOrder).map(assemble)
            return e
        }
        let roots = entries.filter { container(of: $0) == nil }.map(assemble)
        var topics = Dictionary(grouping: roots, by: folder).map { folder, entries in
            ReferenceTopic(folder: folder, entries: entries.sorted(by: Self.topLevelOrder))
        }
        topics.sort { ReferenceTopic.rank($0.folder) < ReferenceTopic.rank($1.folder) }
        self.topics = topics.map(Self.anchored)
    }

    /// Every symbol, depth first, in page order.
    public var allEntries: [ReferenceEntry] {
        func flatten(_ e: ReferenceEntry) -> [ReferenceEntry] { [e] + e.members.flatMap(flatten) }
        return topics.flatMap { $0.entries.flatMap(flatten) }
    }

    /// The public symbols with no doc comment of their own or inherited: the project's rule is
    /// that every public symbol says its shapes, defaults, traps and source, so each is a fault.
    public var undocumented: [ReferenceEntry] { allEntries.filter { !$0.isDocumented } }

    // MARK: Building

    private static func entry(_ s: SymbolGraph.Symbol) -> ReferenceEntry {
        let (file, line) = sourcePosition(s.location)
        return ReferenceEntry(id: s.identifier.precise, title: s.pathComponents.joined(separator: "."),
                              name: s.pathComponents.last ?? s.names.title,
                              kind: s.kind.displayName, kindIdentifier: s.kind.identifier,
                              declaration: s.declarationFragments ?? [],
                              doc: s.docComment.map { $0.lines.map(\.text) }, docModule: s.docComment?.module,
                              file: file, line: line)
    }

    typealias TypeNames = [String: [(id: String, name: String)]]

    /// Each type's superclass and protocols (by mangled name), named as the reference titles them
    /// or, for another module's, as that module does (`Equatable`).
    private static func supertypes(_ relationships: [SymbolGraph.Relationship], titles: [String: String]) -> (TypeNames, TypeNames) {
        var superclass: TypeNames = [:], conformances: TypeNames = [:]
        for r in relationships where r.kind == "inheritsFrom" || r.kind == "conformsTo" {
            guard let name = titles[r.target] ?? r.targetFallback.map(withoutSwiftPrefix),
                  !markerProtocols.contains(name) else { continue }
            if r.kind == "inheritsFrom" {
                superclass[r.source, default: []].append((r.target, name))
            } else {
                conformances[r.source, default: []].append((r.target, name))
            }
        }
        return (superclass, conformances)
    }

    /// Protocols every type conforms to without saying so: listing them says nothing.
    private static let markerProtocols: Set<String> = ["SendableMetatype", "Copyable", "Escapable", "BitwiseCopyable"]

    private static func withoutSwiftPrefix(_ name: String) -> String {
        name.hasPrefix("Swift.") ? String(name.dropFirst("Swift.".count)) : name
    }

    /// `file:///…/Sources/TallyEngine/Activations/GELU.swift` → `Activations/GELU.swift`.
    static func sourcePosition(_ location: SymbolGraph.Symbol.Location?) -> (String, Int) {
        guard let location else { return ("Other", 0) }
        let path = location.uri.removingPercentEncoding ?? location.uri
        let marker = "/TallyEngine/"
        let relative = path.range(of: marker, options: .backwards).map { String(path[$0.upperBound...]) }
            ?? String(path.split(separator: "/").last ?? "")
        return (relative, location.position.line + 1)
    }

    private static let kindRank: [String: Int] = [
        "swift.enum.case": 0, "swift.init": 1, "swift.type.property": 2, "swift.property": 3,
        "swift.subscript": 4, "swift.type.method": 5, "swift.method": 6, "swift.func.op": 7,
    ]

    private static func memberOrder(_ a: ReferenceEntry, _ b: ReferenceEntry) -> Bool {
        (kindRank[a.kindIdentifier] ?? 9, a.file, a.line) < (kindRank[b.kindIdentifier] ?? 9, b.file, b.line)
    }

    private static func topLevelOrder(_ a: ReferenceEntry, _ b: ReferenceEntry) -> Bool {
        (a.title.lowercased(), a.file, a.line) < (b.title.lowercased(), b.file, b.line)
    }

    /// Gives every entry its page and an anchor unique on that page (overloads get `-2`, `-3`).
    private static func anchored(_ topic: ReferenceTopic) -> ReferenceTopic {
        var topic = topic
        var used: [String: Int] = [:]
        let page = topic.page
        func anchor(_ e: inout ReferenceEntry) {
            // The qualified name itself (`Tensor.matmul(_:)`): readable in the address bar, and an id may hold any
            // character but a space; links percent-encode it.
            let n = used[e.title, default: 0] + 1
            used[e.title] = n
            e.anchor = n == 1 ? e.title : "\(e.title)-\(n)"
            e.page = page
            for i in e.members.indices { anchor(&e.members[i]) }
        }
        for i in topic.entries.indices { anchor(&topic.entries[i]) }
        return topic
    }
}
