/// Question/answer lines: the first line is the title, a question is a line ending in `?`, and its
/// answer is every line up to the next question (so a list answer stays one answer).
enum QuestionAnswerReader {
    static func read(_ source: ImportSource) -> ImportedNotebook {
        var lines = source.contentLines[...]
        // The first line is the notes' title unless it is already a question.
        let title = lines.first.map { $0.text.hasSuffix("?") } == false
            ? lines.popFirst()!.text : ImportTitle.fallback(for: source, noun: "Questions")
        var notebook = ImportedNotebook(title: title, source: source)
        var question: (line: Int, text: String)?
        // The answer of `question`, or before the first question, the notes' introduction.
        var pending: [String] = []

        func finish() {
            if let q = question {
                if pending.isEmpty {
                    notebook.warn("question has no answer: no card made", line: q.line)
                } else {
                    notebook.addCard(front: q.text, back: PlainLines.markdown(pending), line: q.line)
                }
            } else {
                notebook.addProse(PlainLines.markdown(pending))
            }
            pending = []
        }
        for (line, text) in lines {
            if text.hasSuffix("?") {
                finish()
                question = (line, text)
            } else {
                pending.append(text)
            }
        }
        finish()
        return notebook
    }
}
