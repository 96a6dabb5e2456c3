import CCmarkGFM
import Foundation

/// The one place that talks to libcmark-gfm: parses a (math-guarded) Markdown segment with the
/// GFM extensions attached and hands back the root node, freeing everything when done.
enum CmarkParser {
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    /// Footnotes (`[^1]` and `[^1]: …`) are cmark-gfm's option, as on GitHub.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES

    /// Registration is process-wide and must happen before any extension is looked up,
    /// or tables silently become paragraphs.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The extensions, looked up by name once (not once per parse: every lookup converted and compared names).
    private static let extensions: [OpaquePointer] = {
        _ = registered
        return extensionNames.compactMap { cmark_find_syntax_extension($0) }
    }()

    /// libcmark-gfm 0.29 is not safe to run on several threads at once: while parsing inlines it swaps a
    /// process-wide special-character table (`cmark_inlines_add_special_character` and friends, used by
    /// the strikethrough and autolink extensions), so a parse on another thread could miss `~~` or `<http…>`.
    /// Notebooks are loaded in parallel, so every inline pass (`cmark_parser_finish`) takes this lock; the
    /// block pass (`cmark_parser_feed`, which touches only its own parser) and the conversion of the
    /// finished tree (which reads only the document's own nodes) run outside it.
    private static let lock = NSLock()

    /// The tree lives in the calling thread's `CmarkArena` until `body` returns.
    static func withDocument<T>(_ text: String, _ body: (OpaquePointer) -> T) -> T {
        let extensions = Self.extensions
        let arena = CmarkArena.current
        let mark = arena.mark
        let document = parse(text, extensions: extensions)
        defer {
            cmark_node_free(document)  // frees nothing of the arena's; anything an extension took elsewhere
            arena.reset(to: mark)
        }
        return body(document)
    }

    private static func parse(_ text: String, extensions: [OpaquePointer]) -> OpaquePointer {
        let parser = cmark_parser_new_with_mem(options, CmarkArena.memory)!
        defer { cmark_parser_free(parser) }
        for ext in extensions {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var text = text
        text.withUTF8 { buffer in  // the string's own bytes, not a copy
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        acquireLock()
        defer { lock.unlock() }
        return cmark_parser_finish(parser)!
    }

    /// The inline pass of one card side takes microseconds: trying the lock a while first beats going to
    /// sleep in the kernel and being woken (which cost a tenth of a load when every wait did).
    private static func acquireLock() {
        for _ in 0..<2_000 where lock.try() { return }
        lock.lock()
    }
}

/// Small readers over a cmark node, so the converter reads like a description of the tree.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: String { String(cString: cmark_node_get_type_string(pointer)) }

    /// The node's type, read as an integer for cmark's own node types (no string made per node); a node
    /// an extension made or took over (`table`, `strikethrough`, a `tasklist` item) is `.other` with its
    /// type string, exactly as `type` names it.
    enum Kind: Equatable {
        case paragraph, heading, blockQuote, list, item, codeBlock, htmlBlock, thematicBreak, footnoteDefinition
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image, footnoteReference
        case other(String)
    }

    var kind: Kind {
        guard cmark_node_get_syntax_extension(pointer) == nil else { return .other(type) }
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default: return .other(type)
        }
    }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
    var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
    var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var char: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &char) != 0
    }
    var isFootnoteDefinition: Bool { cmark_node_get_type(pointer) == CMARK_NODE_FOOTNOTE_DEFINITION }
    /// A footnote reference's literal is its number (cmark-gfm 0.29 does not expose the written label).
    var isFootnoteReference: Bool { cmark_node_get_type(pointer) == CMARK_NODE_FOOTNOTE_REFERENCE }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var listIsTight: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var isTaskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    /// The fence of a fenced code block: its character and length.
    var fence: (char: UInt8, length: Int)? {
        var length: Int32 = 0, offset: Int32 = 0
        var char: CChar = 0
        guard cmark_node_get_fenced(pointer, &length, &offset, &char) != 0 else { return nil }
        return (UInt8(bitPattern: char), Int(length))
    }

    var tableAlignments: [Table.Alignment] {
        let count = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard let raw = cmark_gfm_extensions_get_table_alignments(pointer) else {
            return Array(repeating: .none, count: count)
        }
        return (0..<count).map {
            switch raw[$0] {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .none
            }
        }
    }

    /// The node's children in order, read from the tree as they are iterated (no array per node).
    var children: Children { Children(first: cmark_node_first_child(pointer)) }

    struct Children: Sequence, IteratorProtocol {
        private var upcoming: OpaquePointer?

        init(first: OpaquePointer?) { upcoming = first }

        mutating func next() -> CmarkNode? {
            guard let node = upcoming else { return nil }
            upcoming = cmark_node_next(node)
            return CmarkNode(pointer: node)
        }
    }
}
