import Foundation

/// The sidebar's list of every notebook, written once per site as `nav.js` and loaded by every page,
/// so a page's size does not grow with the collection (as mdBook's `toc.js`; before, each page carried
/// the whole list and the site grew with the square of the number of notebooks).
///
/// It is a script that sets a global (`GlobalScript`), so it loads from `file://` too. The page itself
/// keeps a link to the index (the fallback without JavaScript) and the current notebook's entry with
/// its sections; the built-in script (`Resources/assets/scripts/sidebar.js`) puts the other notebooks
/// around that entry.
struct NavigationScript {
    /// One notebook in the list, in the site's order.
    struct Entry: Encodable, Equatable {
        /// The notebook's page, relative to the site root (`notebooks/sigmoid.html`).
        var href: String
        /// The title as HTML made by Tally (text escaped, formulas typeset), inserted into the link as is.
        var titleHTML: String
    }

    /// The file's name at the site root, beside `search-index.js`.
    static let fileName = "nav.js"

    var entries: [Entry]

    /// The list for `pages` with their `titles` (parallel arrays, as `SiteBuilder` makes them; the HTML
    /// form of each title is used). Traps if `titles` is shorter than `pages`.
    init(pages: [SitePlan.Page], titles: [(text: String, html: String)]) {
        entries = pages.indices.map { Entry(href: pages[$0].href, titleHTML: titles[$0].html) }
    }

    /// The file's contents: `window.tallyNavigation = [{"href": …, "titleHTML": …}, …];`.
    /// Throws only if JSON encoding fails (it does not for strings).
    func script() throws -> String {
        try GlobalScript.assigning("tallyNavigation", to: entries)
    }
}
