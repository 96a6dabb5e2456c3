import Foundation

/// A Jupyter notebook (`.ipynb`, nbformat 4: https://nbformat.readthedocs.io/en/latest/format_description.html).
/// Markdown cells stay Markdown (math intact, attachments written as files); code cells become fenced
/// blocks in the kernel's language — shown, never run (a Swift kernel's cells are marked `no-run`);
/// text outputs become `text` blocks under their cell and image outputs files beside the notebook.
/// The first `#` heading is the title. `**Q:** … **A:** …` pairs in Markdown cells become cards.
enum JupyterReader {
    static func read(_ source: ImportSource) -> ImportedNotebook {
        guard let data = source.text.data(using: .utf8),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = json["cells"] as? [[String: Any]] else {
            var notebook = ImportedNotebook(title: ImportTitle.fallback(for: source, noun: "Notebook"), source: source)
            notebook.warn("not a Jupyter notebook: no 'cells' list in its JSON (nbformat 4 expected)", line: 1)
            return notebook
        }
        let metadata = json["metadata"] as? [String: Any] ?? [:]
        let language = ((metadata["kernelspec"] as? [String: Any])?["language"] as? String)
            ?? ((metadata["language_info"] as? [String: Any])?["name"] as? String) ?? "text"
        let markdownCells = cells.filter { $0["cell_type"] as? String == "markdown" }.map { text($0["source"]) }
        let title = markdownCells.lazy.compactMap(firstHeading).first
        var notebook = ImportedNotebook(title: title ?? ImportTitle.fallback(for: source, noun: "Notebook"), source: source)
        let mediaFolder = source.stem + "-media"
        var titleDropped = false
        for (index, cell) in cells.enumerated() {
            let body = text(cell["source"])
            switch cell["cell_type"] as? String {
            case "markdown":
                var markdown = body
                for (name, file) in attachments(cell, cellNumber: index + 1, folder: mediaFolder) {
                    notebook.media.append(file)
                    markdown = markdown.replacingOccurrences(of: "attachment:\(name)", with: file.path)
                }
                if !titleDropped, let title, let line = markdown.range(of: "# " + title) , markdown[..<line.lowerBound].allSatisfy(\.isWhitespace) {
                    markdown.removeSubrange(line)  // the writer puts the title heading back, once
                    titleDropped = true
                }
                QuestionAnswerPairs.add(markdown, to: &notebook)
            case "code":
                if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
                let info = language.lowercased() == "swift" ? "swift no-run" : language.lowercased()
                notebook.addProse(Fence.block(body, info: info))
                for (n, output) in ((cell["outputs"] as? [[String: Any]]) ?? []).enumerated() {
                    add(output, cellNumber: index + 1, outputNumber: n + 1, folder: mediaFolder, to: &notebook)
                }
            default:
                if !body.isEmpty { notebook.addProse(Fence.block(body, info: "text")) }  // raw cells: shown as they are
            }
        }
        return notebook
    }

    private static func add(_ output: [String: Any], cellNumber: Int, outputNumber: Int, folder: String,
                            to notebook: inout ImportedNotebook) {
        switch output["output_type"] as? String {
        case "stream":
            notebook.addProse(Fence.block(text(output["text"]), info: "text"))
        case "error":
            let traceback = (output["traceback"] as? [String])?.joined(separator: "\n")
                ?? "\(output["ename"] as? String ?? "Error"): \(output["evalue"] as? String ?? "")"
            notebook.addProse(Fence.block(withoutANSI(traceback), info: "text"))
        case "execute_result", "display_data":
            let bundle = output["data"] as? [String: Any] ?? [:]
            for (mime, ext) in [("image/png", "png"), ("image/jpeg", "jpg"), ("image/svg+xml", "svg")] {
                guard let value = bundle[mime] else { continue }
                let bytes = mime == "image/svg+xml" ? Data(text(value).utf8)
                    : Data(base64Encoded: text(value).filter { !$0.isWhitespace }) ?? Data()
                let file = ImportedMedia(path: "\(folder)/cell\(cellNumber)-output\(outputNumber).\(ext)", data: bytes)
                notebook.media.append(file)
                notebook.addProse("![Output \(outputNumber) of cell \(cellNumber)](\(file.path))")
                return
            }
            if let plain = bundle["text/plain"] { notebook.addProse(Fence.block(text(plain), info: "text")) }
        default:
            break
        }
    }

    /// A Markdown cell's attached images (`![](attachment:name.png)`), as files to write.
    private static func attachments(_ cell: [String: Any], cellNumber: Int, folder: String) -> [(String, ImportedMedia)] {
        guard let attached = cell["attachments"] as? [String: [String: Any]] else { return [] }
        return attached.keys.sorted().compactMap { name in
            guard let (_, value) = attached[name]?.first(where: { $0.key.hasPrefix("image/") }),
                  let bytes = Data(base64Encoded: text(value).filter { !$0.isWhitespace }) else { return nil }
            return (name, ImportedMedia(path: "\(folder)/cell\(cellNumber)-\(name)", data: bytes))
        }
    }

    /// nbformat writes multi-line strings as one string or as a list of lines.
    private static func text(_ value: Any?) -> String {
        if let s = value as? String { return s }
        if let lines = value as? [String] { return lines.joined() }
        return ""
    }

    private static func firstHeading(_ markdown: String) -> String? {
        markdown.split(separator: "\n").lazy.compactMap { line -> String? in
            guard line.hasPrefix("# ") else { return nil }
            return line.dropFirst(2).trimmingCharacters(in: .whitespaces)
        }.first
    }

    /// Tracebacks carry terminal colour codes.
    private static func withoutANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
    }
}

/// A fenced code block that its content cannot close: the fence is longer than any backtick run inside.
enum Fence {
    static func block(_ content: String, info: String) -> String {
        var longest = 0, run = 0
        for c in content { run = c == "`" ? run + 1 : 0; longest = max(longest, run) }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = content.hasSuffix("\n") ? String(content.dropLast()) : content
        return "\(fence)\(info)\n\(body)\n\(fence)"
    }
}
