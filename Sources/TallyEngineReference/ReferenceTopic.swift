/// A group of the reference: the symbols declared in one folder of the engine's sources
/// (`Sources/TallyEngine/Activations/` → "Activations"), so the reference reads in the engine's own
/// order of concepts and a new folder becomes a new topic by itself.
public struct ReferenceTopic: Sendable {
    /// The folder's name, e.g. `LinearAlgebra`.
    public var folder: String
    public var entries: [ReferenceEntry]

    /// Words for people: `LinearAlgebra` → "Linear algebra", `TestFunctions` → "Test functions"
    /// (words in capitals, such as `ML`, stay as they are).
    public var name: String {
        var words: [String] = []
        var current = ""
        let characters = Array(folder)
        for (i, c) in characters.enumerated() {
            let startsWord = c.isUppercase && !current.isEmpty
                && (characters[i - 1].isLowercase || (i + 1 < characters.count && characters[i + 1].isLowercase))
            if startsWord { words.append(current); current = "" }
            current.append(c)
        }
        if !current.isEmpty { words.append(current) }
        return words.enumerated().map { i, word in
            i > 0 && word.dropFirst().allSatisfy(\.isLowercase) ? word.lowercased() : word
        }.joined(separator: " ")
    }

    /// The topic's page in the reference: `linear-algebra.html`.
    public var page: String {
        name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-") + ".html"
    }

    /// Topics in the order one learns them: the tensor and autodiff first, then what is built on them.
    /// Folders not listed follow in name order, before the display helpers.
    static let order = [
        "Tensor", "Autodiff", "Activations", "Losses", "Optimizers", "Schedulers", "Layers", "Convolution",
        "Attention", "Recurrent", "LinearAlgebra", "Statistics", "Metrics",
    ]
    static let last = ["TestFunctions", "Plots", "Display"]

    static func rank(_ folder: String) -> (Int, String) {
        if let i = order.firstIndex(of: folder) { return (i, "") }
        if let i = last.firstIndex(of: folder) { return (order.count + 1 + i, "") }
        return (order.count, folder)
    }
}
