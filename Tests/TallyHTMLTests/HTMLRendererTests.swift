import XCTest
import TallyDocument
@testable import TallyHTML

private func html(_ markdown: String, math: HTMLRenderer.MathStyle = .katex, raw: Bool = false) -> String {
    let (notebook, _) = NotebookParser.parse(markdown, path: "t.md")
    let renderer = HTMLRenderer(mathStyle: math, allowRawHTML: raw)
    return renderer.render(notebook.blocks)
}

/// The HTML with every tag the renderer made removed: what remains must be escaped text.
private func stripTags(_ html: String) -> String {
    html.replacingOccurrences(of: #"</?(p|em|strong|code|pre|span|div|a|h[1-6]|ul|ol|li|br|del|blockquote|table|thead|tbody|tr|th|td|hr|img|input)\b[^<>]*>"#,
                              with: "", options: .regularExpression)
}

final class EscapingTests: XCTestCase {
    func testHTMLEscapedString() {
        XCTAssertEqual("<a href=\"x\">'&'</a>".htmlEscaped, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual("plain é 𝛼".htmlEscaped, "plain é 𝛼")
    }

    func testTextIsEscaped() {
        let out = html("Is 1 &lt; 2? Yes: 3 > 2 & \"quotes\" 'too' \\<b\\>\n")
        XCTAssertTrue(out.contains("3 &gt; 2 &amp; &quot;quotes&quot; &#39;too&#39; &lt;b&gt;"), out)
        XCTAssertTrue(out.contains("1 &lt; 2"), out)
        XCTAssertFalse(stripTags(out).contains("<"), out)
    }

    func testCodeIsEscaped() {
        let out = html("Inline `<script>` and\n\n```html\n<script>alert(1)</script>\n```\n")
        XCTAssertTrue(out.contains("<code>&lt;script&gt;</code>"), out)
        XCTAssertTrue(out.contains("<pre><code class=\"language-html\">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>"), out)
    }

    func testLanguageNameIsEscapedInTheClass() {
        let out = html("```a\"onclick=x\nbody\n```\n")
        XCTAssertFalse(out.contains("\"onclick"), out)
    }

    func testHeadingAnchorsAreUniqueAndEscaped() {
        let r = HTMLRenderer(mathStyle: .katex)
        let notebook = NotebookParser.parse("# Intro\n\n## Intro\n\n## \"Quoted\" & more\n", path: "t.md").notebook
        let out = r.render(notebook.blocks)
        XCTAssertTrue(out.contains("<h1 id=\"intro\">Intro</h1>"), out)
        // GitHub's rule (github-slugger): the second "Intro" is intro-1; punctuation goes, each space is a dash.
        XCTAssertTrue(out.contains("<h2 id=\"intro-1\">Intro</h2>"), out)
        XCTAssertTrue(out.contains("<h2 id=\"quoted--more\">&quot;Quoted&quot; &amp; more</h2>"), out)
        XCTAssertEqual(notebook.outline.headings.map(\.anchor), ["intro", "intro-1", "quoted--more"])
    }

    func testTablesListsAndTasks() {
        let out = html("| a | b |\n|:-:|--:|\n| <1> | 2 |\n\n- [x] done\n- [ ] todo\n\n3. three\n4. four\n")
        XCTAssertTrue(out.contains("<th align=\"center\">a</th><th align=\"right\">b</th>"), out)
        XCTAssertTrue(out.contains("<td align=\"center\">&lt;1&gt;</td>"), out)
        XCTAssertTrue(out.contains("<input type=\"checkbox\" disabled checked> done"), out)
        XCTAssertTrue(out.contains("<input type=\"checkbox\" disabled> todo"), out)
        XCTAssertTrue(out.contains("<ol start=\"3\">"), out)
    }
}

final class LinkPolicyTests: XCTestCase {
    func testDangerousSchemesAreRefused() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
                    "java\nscript:alert(1)", "java\u{0}script:alert(1)", "\u{1}javascript:x", "javascript\u{7F}:x",
                    "vbscript:msgbox", "VBScript:x", "data:text/html;base64,PHNjcmlwdD4=", "DATA:image/png;base64,AAAA",
                    "file:///etc/passwd"] {
            XCTAssertFalse(LinkPolicy.isSafe(url), url.debugDescription)
        }
    }

    func testOrdinaryLinksAreAllowed() {
        for url in ["https://example.org", "HTTP://EXAMPLE.ORG", "mailto:me@example.org", "notes/other.md", "../up.html",
                    "#section", "page.html?q=a:b", "folder/a:b.png", ""] {
            XCTAssertTrue(LinkPolicy.isSafe(url), url.debugDescription)
        }
    }

    func testRenderedLinksDropUnsafeDestinationsButKeepTheirText() {
        let out = html("[safe](https://example.org) [bad](javascript:alert(1)) [Bad](JaVaScRiPt:alert(1)) [enc](&#106;avascript:alert(1)) [d](data:text/html,x)\n")
        XCTAssertTrue(out.contains("<a href=\"https://example.org\">safe</a>"), out)
        XCTAssertFalse(out.lowercased().contains("javascript"), out)
        XCTAssertFalse(out.contains("data:"), out)
        XCTAssertTrue(out.contains("bad") && out.contains("Bad") && out.contains("enc"), out)
        XCTAssertEqual(out.components(separatedBy: "<a ").count - 1, 1, out)
    }

    func testAutolinkWithJavascriptSchemeIsNotALink() {
        let out = html("<javascript:alert(1)>\n")
        XCTAssertFalse(out.contains("href"), out)
    }

    func testImagesWithUnsafeSourcesAreDropped() {
        let out = html("![alt text](javascript:alert(1)) ![pic](data:image/png;base64,AAAA) ![ok](img/a.png \"T\")\n")
        XCTAssertFalse(out.contains("javascript"), out)
        XCTAssertFalse(out.contains("data:"), out)
        XCTAssertTrue(out.contains("alt text"), out)
        XCTAssertTrue(out.contains("<img src=\"img/a.png\" alt=\"ok\" title=\"T\">"), out)
    }

    func testLinkAttributesAreEscaped() {
        let out = html("[x](https://e.org/?a=\"b\"&c=1 \"t\\\"it<le\")\n")
        // As cmark writes it: `"` percent-encoded in the address, `&` escaped.
        XCTAssertTrue(out.contains("<a href=\"https://e.org/?a=%22b%22&amp;c=1\" title=\"t&quot;it&lt;le\">x</a>"), out)
    }
}

final class RawHTMLTests: XCTestCase {
    let source = "<div onclick=\"evil()\">block</div>\n\nInline <b onmouseover=\"x()\">bold</b> and <script>alert(1)</script>.\n"

    func testRawHTMLIsEscapedByDefault() {
        let out = html(source)
        XCTAssertFalse(out.contains("<div onclick"), out)
        XCTAssertFalse(out.contains("<script>"), out)
        XCTAssertFalse(out.contains("<b "), out)
        XCTAssertTrue(out.contains("&lt;div onclick=&quot;evil()&quot;&gt;"), out)
        XCTAssertTrue(out.contains("&lt;script&gt;"), out)
    }

    func testRawHTMLPassesWhenAllowed() {
        let out = html(source, raw: true)
        XCTAssertTrue(out.contains("<div onclick=\"evil()\">block</div>"), out)
        XCTAssertTrue(out.contains("<b onmouseover=\"x()\">bold</b>"), out)
    }

    func testNotebookOptInComesFromFrontMatter() {
        let nb = NotebookParser.parse("---\nunsafe-html: true\n---\n<i>x</i>\n", path: "t.md").notebook
        XCTAssertTrue(nb.frontMatter.unsafeHTML)
        let r = HTMLRenderer(mathStyle: .katex, allowRawHTML: nb.frontMatter.unsafeHTML)
        XCTAssertTrue(r.render(nb.blocks).contains("<i>x</i>"))
    }
}

final class MathRenderingTests: XCTestCase {
    func testKaTeXInlineAndDisplay() {
        let out = html("Mean $\\mu_{batch}$ and $a<b$.\n\n$$\\sigma^2_{batch}$$\n")
        XCTAssertTrue(out.contains("<span class=\"math inline\">\\mu_{batch}</span>"), out)
        XCTAssertTrue(out.contains("<span class=\"math inline\">a&lt;b</span>"), out)
        XCTAssertTrue(out.contains("<div class=\"math display\">\\sigma^2_{batch}</div>"), out)
        XCTAssertFalse(out.contains("<em>"), out)
    }

    func testKaTeXKeepsTeXVerbatim() {
        let out = html("$a*b*c$ and \\(x \\\\ y\\) and $\\{z\\}$\n")
        XCTAssertTrue(out.contains(">a*b*c</span>"), out)
        XCTAssertTrue(out.contains(">x \\\\ y</span>"), out)
        XCTAssertTrue(out.contains(">\\{z\\}</span>"), out)
    }

    func testMathJaxDelimiters() {
        let out = html("Inline $\\mu_{batch}$.\n\n$$x^2$$\n", math: .mathJax)
        XCTAssertTrue(out.contains("\\(\\mu_{batch}\\)"), out)
        XCTAssertTrue(out.contains("\\[x^2\\]"), out)
        XCTAssertFalse(out.contains("class=\"math"), out)
    }

    func testMathJaxNeverContainsDoubleClosingBrace() {
        for tex in ["x^{y^{z}}", "\\frac{a}{b_{c}}}", "\\sqrt{\\frac{1}{n^{2}}}", "{{{a}}}"] {
            let out = html("See $\(tex)$ here.\n\n$$\(tex)$$\n", math: .mathJax)
            XCTAssertFalse(out.contains("}}"), "\(tex) → \(out)")
            // Only spaces were added: the braces are all still there.
            XCTAssertEqual(out.filter { $0 == "}" }.count, 2 * tex.filter { $0 == "}" }.count, out)
        }
    }

    func testMathJaxEscapesHTML() {
        let out = html("$a<b>c$\n", math: .mathJax)
        XCTAssertTrue(out.contains("\\(a&lt;b&gt;c\\)"), out)
    }
}

final class SwiftHighlighterTests: XCTestCase {
    func testEverythingIsEscaped() {
        let code = "let a: Array<Int> = [1, 2] // <b>\nif a.count < 3 && b > \"<tag>\" { print(\"a&b\") }\n/* </pre><script> */\n"
        let out = SwiftHighlighter.highlight(code)
        let withoutSpans = out.replacingOccurrences(of: #"<span class="tok-[a-z]+">"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "</span>", with: "")
        XCTAssertFalse(withoutSpans.contains("<"), out)
        XCTAssertFalse(withoutSpans.contains(">"), out)
        // Unescaping gives the code back exactly.
        let unescaped = withoutSpans.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        XCTAssertEqual(unescaped, code)
    }

    func testTokenClasses() {
        let out = SwiftHighlighter.highlight("let x: Double = 1.5 // note\n")
        XCTAssertTrue(out.contains("<span class=\"tok-keyword\">let</span>"), out)
        XCTAssertTrue(out.contains("<span class=\"tok-type\">Double</span>"), out)
        XCTAssertTrue(out.contains("<span class=\"tok-number\">1.5</span>"), out)
        XCTAssertTrue(out.contains("<span class=\"tok-comment\">// note</span>"), out)
    }

    func testUnterminatedStringAndCommentDoNotCrash() {
        for code in ["\"abc\\", "/* open", "\"", "x = \"a\\\"", "1e", "é = 1"] {
            let out = SwiftHighlighter.highlight(code)
            XCTAssertFalse(out.isEmpty, code)
        }
    }

    func testSwiftCellsAndSwiftCodeBlocksAreHighlighted() {
        let out = html("```swift\nlet v = a < b\n```\n")
        XCTAssertTrue(out.contains("<pre><code class=\"language-swift\"><span class=\"tok-keyword\">let</span> v = a &lt; b\n</code></pre>"), out)
    }
}
