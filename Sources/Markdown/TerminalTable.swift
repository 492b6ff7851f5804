/// A table drawn with box characters in at most `width` columns: each column as wide as its
/// widest cell when that fits, else narrowed (never below its longest word while that fits)
/// with the cell text wrapped, the header row set off by a rule.
struct TerminalTable {
    let rows: [[[TerminalRenderer.Word]]]
    let alignments: [TableAlignment]
    let width: Int
    let renderer: TerminalRenderer

    func lines() -> [String] {
        let columns = alignments.count
        guard columns > 0, !rows.isEmpty else { return [] }
        let widths = columnWidths(columns)
        var lines = [border("┌", "┬", "┐", widths)]
        for (index, row) in rows.enumerated() {
            let cells = (0..<columns).map { column in
                wrapped(column < row.count ? row[column] : [], width: widths[column])
            }
            let height = cells.map(\.count).max() ?? 1
            for lineIndex in 0..<max(height, 1) {
                var line = renderer.styled("│", [.dim])
                for column in 0..<columns {
                    let text = lineIndex < cells[column].count ? cells[column][lineIndex] : ""
                    line += " " + aligned(text, width: widths[column], alignment: alignments[column]) + " " + renderer.styled("│", [.dim])
                }
                lines.append(line)
            }
            if index == 0, rows.count > 1 { lines.append(border("├", "┼", "┤", widths)) }
        }
        lines.append(border("└", "┴", "┘", widths))
        return lines
    }

    private func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        renderer.styled(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right, [.dim])
    }

    /// Column widths that fit `width` with the borders (`│ ` before each column, ` │` at the end).
    private func columnWidths(_ columns: Int) -> [Int] {
        var natural = Array(repeating: 1, count: columns)
        var longestWord = Array(repeating: 1, count: columns)
        for row in rows {
            for (column, words) in row.enumerated() where column < columns {
                var lineWidth = 0
                for word in words {
                    switch word {
                    case .newline:
                        lineWidth = 0
                    case .text(_, let wordWidth, let spaceBefore):
                        lineWidth += wordWidth + (spaceBefore && lineWidth > 0 ? 1 : 0)
                        natural[column] = max(natural[column], lineWidth)
                        longestWord[column] = max(longestWord[column], wordWidth)
                    }
                }
            }
        }
        let available = max(width - (3 * columns + 1), columns)
        if natural.reduce(0, +) <= available { return natural }
        // Start from each column's longest word (capped so a long URL cannot take the table),
        // then share out what is left in proportion to how much wider each column wants to be.
        let cap = max(available / columns, 8)
        var widths = (0..<columns).map { min(longestWord[$0], natural[$0], cap) }
        var spare = available - widths.reduce(0, +)
        if spare < 0 {
            // Not even the words fit: an equal share each, words cut.
            let share = max(available / columns, 1)
            return Array(repeating: share, count: columns)
        }
        let wants = (0..<columns).map { natural[$0] - widths[$0] }
        let totalWant = wants.reduce(0, +)
        if totalWant > 0 {
            for column in 0..<columns {
                let extra = spare * wants[column] / totalWant
                widths[column] += extra
            }
            spare = available - widths.reduce(0, +)
            var column = 0
            while spare > 0, column < columns {
                if widths[column] < natural[column] {
                    widths[column] += 1
                    spare -= 1
                }
                column += 1
            }
        }
        return widths
    }

    /// A cell's words in lines of `width` columns, a word too long for them cut into pieces.
    private func wrapped(_ words: [TerminalRenderer.Word], width: Int) -> [String] {
        var pieces: [TerminalRenderer.Word] = []
        for word in words {
            guard case .text(let text, let wordWidth, let spaceBefore) = word, wordWidth > width else {
                pieces.append(word)
                continue
            }
            // Cut the plain text (a style is dropped from the pieces of a cut word).
            var piece = "", pieceWidth = 0, first = true
            for character in plain(text) {
                let characterWidth = DisplayWidth.of(character)
                if pieceWidth + characterWidth > width, !piece.isEmpty {
                    pieces.append(.text(piece, width: pieceWidth, spaceBefore: first ? spaceBefore : false))
                    pieces.append(.newline)
                    piece = ""
                    pieceWidth = 0
                    first = false
                }
                piece.append(character)
                pieceWidth += characterWidth
            }
            if !piece.isEmpty { pieces.append(.text(piece, width: pieceWidth, spaceBefore: first ? spaceBefore : false)) }
        }
        return renderer.wrap(pieces, firstPrefix: "", restPrefix: "", width: width)
    }

    private func aligned(_ text: String, width: Int, alignment: TableAlignment) -> String {
        let padding = max(width - DisplayWidth.of(plain(text)), 0)
        switch alignment {
        case .right: return String(repeating: " ", count: padding) + text
        case .center: return String(repeating: " ", count: padding / 2) + text + String(repeating: " ", count: padding - padding / 2)
        case .left, .none: return text + String(repeating: " ", count: padding)
        }
    }

    /// Text without its ANSI escape sequences.
    private func plain(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var out = ""
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar == "m" { inEscape = false }
            } else if scalar == "\u{1B}" {
                inEscape = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
