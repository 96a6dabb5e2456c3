import Foundation
import TallyDocument
import TallyHashing

/// The files every notebook's page shares — the index, the cards and review pages, the search manifest
/// and the navigation script — kept in the page cache (`PageCache.folder`) between builds, keyed by all
/// they show: the build stamp (templates, options, this `tally`) and, for each page in order, its
/// address, its parts' addresses, its title (text and HTML) and its card and cell counts. An edit that
/// changes none of these (most edits: a paragraph, a formula, a card's answer) links the kept files
/// into the site instead of rendering five templates again; one that does (a new card, a renamed
/// notebook, a new title) renders them. Entries are pruned with the pages (`PageCache.prune`).
struct SharedPages {
    /// The shared files, by their name in the site root.
    static let names = ["cards.html", "review.html", "index.html", SearchIndex.fileName, NavigationScript.fileName]

    /// The key of this build's shared files (empty without a cache).
    let key: String

    init(cache: PageCache?, stamp: BuildStamp, plan: SitePlan, titles: [(text: String, html: String)]) {
        guard cache != nil else { key = ""; return }
        var content = ContentKey()
        content.add(["tally-shared-1", stamp.hex, String(plan.pages.count)])
        for (page, title) in zip(plan.pages, titles) {
            let summary = page.notebook.summary
            content.add([page.href, page.cardsScript, page.searchScript, title.text, title.html,
                         String(summary.cardCount), String(summary.cellCount)])
        }
        key = content.hex
    }

    /// The name the shared file `name` is kept under in the cache's folder.
    private func kept(_ name: String) -> String { key + ".shared." + name }

    /// Puts the shared files into `site`: linked from the page cache's folder (`folder`, open; nil without a
    /// cache) when all are kept there, else made by `render` (name → contents, for every name in `names`),
    /// kept, and linked (written directly without a cache, or when the cache can't be written).
    func place(into site: SiteFolder, from folder: SiteFolder.KeptFolder?, render: () throws -> [String: String]) throws {
        if let folder, Self.names.allSatisfy({ FileManager.default.fileExists(atPath: folder.path + "/" + kept($0)) }) {
            for name in Self.names { try site.link(kept(name), in: folder, to: name) }
            return
        }
        let made = try render()
        for name in Self.names {
            let contents = made[name] ?? ""
            if let folder, (try? FileWriter.write(contents, to: URL(fileURLWithPath: folder.path + "/" + kept(name), isDirectory: false))) != nil {
                try site.link(kept(name), in: folder, to: name)
            } else {
                try site.write(contents, to: name)
            }
        }
    }
}
