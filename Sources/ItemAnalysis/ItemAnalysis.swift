import Foundation

/// The responses item analysis works on: per question its option letters and the correct
/// one, and per attempt the letter chosen for each question (nil: not answered, scored 0).
public struct Responses: Sendable {
    public struct Item: Sendable {
        public var number: Int
        public var title: String?
        public var letters: [String]
        public var correct: String

        public init(number: Int, title: String? = nil, letters: [String], correct: String) {
            self.number = number
            self.title = title
            self.letters = letters
            self.correct = correct
        }
    }

    public var items: [Item]
    /// One row per attempt, one entry per item, in item order.
    public var attempts: [[String?]]

    public init(items: [Item], attempts: [[String?]]) {
        self.items = items
        self.attempts = attempts
    }
}

/// Classical item analysis of a quiz's attempts, computed as Moodle's quiz statistics report
/// does (MoodleDocs, "Quiz statistics calculations", docs.moodle.org/dev). Each item scores 1
/// when right and 0 otherwise; S is the number of attempts, x_i(s) attempt s's score on
/// item i, X(s) its total and X_−i(s) = X(s) − x_i(s) its score on the rest of the test.
///
/// - Test: mean X̄, median, standard deviation SD = √(Σ(X − X̄)² / (S − 1)); the coefficient
///   of internal consistency (Cronbach's α, which is KR-20 for right/wrong items)
///   α = P/(P − 1) · (1 − Σ V(x_i) / V(X)) over P items with sample variances V; the error
///   ratio ER = √(1 − α) and the standard error SE = ER · SD.
/// - Question: facility F = x̄_i / max (0–1); its SD; the discrimination index, the Pearson
///   correlation r(x_i, X_−i) of the item with the rest of the test; the discriminative
///   efficiency C(x_i, X_−i) / C_max, where C_max is the covariance of the two score lists
///   each sorted on its own (the largest covariance their values allow); the random guess
///   score 1/options.
/// - Options: the share of attempts choosing each option, overall and in the top and bottom
///   27% of attempts by total score (ties at the cut broken by attempt order).
/// - Flags: a negative discrimination index; a wrong option nobody chose.
///
/// A statistic that needs a spread the data does not have (one attempt, every answer right)
/// is nil rather than a division by zero.
public struct ItemAnalysis: Codable, Hashable, Sendable {
    public struct Test: Codable, Hashable, Sendable {
        /// The number of attempts analysed.
        public var count: Int
        /// The number of questions (the maximum score).
        public var maximum: Int
        public var mean: Double?
        public var median: Double?
        public var standardDeviation: Double?
        /// KR-20, which for right/wrong items is Cronbach's alpha (Moodle's "coefficient of
        /// internal consistency"), 0–1.
        public var kr20: Double?
        public var errorRatio: Double?
        public var standardError: Double?

        /// Statistics the data cannot give are written as null, not left out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(count, forKey: .count)
            try container.encode(maximum, forKey: .maximum)
            try container.encode(mean, forKey: .mean)
            try container.encode(median, forKey: .median)
            try container.encode(standardDeviation, forKey: .standardDeviation)
            try container.encode(kr20, forKey: .kr20)
            try container.encode(errorRatio, forKey: .errorRatio)
            try container.encode(standardError, forKey: .standardError)
        }
    }

    public struct Option: Codable, Hashable, Sendable {
        public var letter: String
        public var isCorrect: Bool
        /// Attempts choosing it.
        public var count: Int
        /// Its share of all attempts, 0–1.
        public var share: Double?
        /// Its share of the top and bottom 27% of attempts by total score.
        public var topShare: Double?
        public var bottomShare: Double?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(letter, forKey: .letter)
            try container.encode(isCorrect, forKey: .isCorrect)
            try container.encode(count, forKey: .count)
            try container.encode(share, forKey: .share)
            try container.encode(topShare, forKey: .topShare)
            try container.encode(bottomShare, forKey: .bottomShare)
        }
    }

    public struct Question: Codable, Hashable, Sendable {
        public var number: Int
        public var title: String?
        /// Mean score over the maximum, 0–1.
        public var facility: Double?
        public var standardDeviation: Double?
        public var randomGuessScore: Double
        /// Correlation of the item's score with the score on the rest of the test, −1–1.
        public var discrimination: Double?
        /// The covariance with the rest of the test over the largest it could be, −1–1.
        public var discriminativeEfficiency: Double?
        /// Attempts that left it unanswered.
        public var unanswered: Int
        public var options: [Option]
        /// `negative-discrimination`, `unpicked-distractor:B`…
        public var flags: [String]

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(title, forKey: .title)
            try container.encode(facility, forKey: .facility)
            try container.encode(standardDeviation, forKey: .standardDeviation)
            try container.encode(randomGuessScore, forKey: .randomGuessScore)
            try container.encode(discrimination, forKey: .discrimination)
            try container.encode(discriminativeEfficiency, forKey: .discriminativeEfficiency)
            try container.encode(unanswered, forKey: .unanswered)
            try container.encode(options, forKey: .options)
            try container.encode(flags, forKey: .flags)
        }
    }

    public var test: Test
    /// How many attempts the top and the bottom group hold (27% of the attempts, rounded).
    public var groupSize: Int
    public var questions: [Question]

    public init(_ responses: Responses) {
        let items = responses.items
        let attempts = responses.attempts
        let count = attempts.count
        // Scores: rows are attempts, columns items.
        let scores: [[Double]] = attempts.map { row in
            items.indices.map { index in index < row.count && row[index] == items[index].correct ? 1 : 0 }
        }
        let totals = scores.map { $0.reduce(0, +) }
        let totalVariance = Statistics.variance(totals)
        let itemVariances = items.indices.map { index in Statistics.variance(scores.map { $0[index] }) }

        var kr20: Double?
        if items.count >= 2, let totalVariance, totalVariance > 0, !itemVariances.contains(where: { $0 == nil }) {
            let sum = itemVariances.compactMap { $0 }.reduce(0, +)
            kr20 = Double(items.count) / Double(items.count - 1) * (1 - sum / totalVariance)
        }
        let sd = totalVariance.map { $0.squareRoot() }
        let errorRatio = kr20.map { $0 <= 1 ? (1 - $0).squareRoot() : 0 }
        test = Test(count: count, maximum: items.count, mean: Statistics.mean(totals), median: Statistics.median(totals),
                    standardDeviation: sd, kr20: kr20, errorRatio: kr20 == nil ? nil : errorRatio,
                    standardError: zip(errorRatio, sd).map { $0 * $1 })

        // Top and bottom 27% by total score; a stable sort keeps attempt order among ties.
        let size = count == 0 ? 0 : max(1, Int((Double(count) * 0.27).rounded()))
        groupSize = size
        let ranked = attempts.indices.sorted { totals[$0] > totals[$1] || (totals[$0] == totals[$1] && $0 < $1) }
        let top = Array(ranked.prefix(size))
        let bottom = Array(ranked.suffix(size))

        questions = items.indices.map { index in
            let item = items[index]
            let column = scores.map { $0[index] }
            let rest = zip(totals, column).map { $0 - $1 }
            let chosen = attempts.map { index < $0.count ? $0[index] : nil }
            let discrimination = Statistics.correlation(column, rest)
            var efficiency: Double?
            if let covariance = Statistics.covariance(column, rest),
               let maximum = Statistics.covariance(column.sorted(), rest.sorted()), maximum > 0 {
                efficiency = covariance / maximum
            }
            func share(_ letter: String, among group: [Int]) -> Double? {
                group.isEmpty ? nil : Double(group.filter { chosen[$0] == letter }.count) / Double(group.count)
            }
            let options = item.letters.map { letter in
                let picks = chosen.filter { $0 == letter }.count
                return Option(letter: letter, isCorrect: letter == item.correct, count: picks,
                              share: count == 0 ? nil : Double(picks) / Double(count),
                              topShare: share(letter, among: top), bottomShare: share(letter, among: bottom))
            }
            var flags: [String] = []
            if let discrimination, discrimination < 0 { flags.append("negative-discrimination") }
            if count > 0 {
                for option in options where !option.isCorrect && option.count == 0 { flags.append("unpicked-distractor:\(option.letter)") }
            }
            return Question(
                number: item.number, title: item.title, facility: Statistics.mean(column),
                standardDeviation: Statistics.variance(column).map { $0.squareRoot() },
                randomGuessScore: item.letters.isEmpty ? 0 : 1 / Double(item.letters.count),
                discrimination: discrimination, discriminativeEfficiency: efficiency,
                unanswered: chosen.filter { $0 == nil }.count, options: options, flags: flags)
        }
    }
}

private func zip(_ first: Double?, _ second: Double?) -> (Double, Double)? {
    guard let first, let second else { return nil }
    return (first, second)
}

/// Sample statistics (n − 1 in the denominator, as Moodle's report uses).
enum Statistics {
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func variance(_ values: [Double]) -> Double? {
        covariance(values, values)
    }

    static func covariance(_ first: [Double], _ second: [Double]) -> Double? {
        guard first.count == second.count, first.count >= 2, let a = mean(first), let b = mean(second) else { return nil }
        return zip(first, second).reduce(0) { $0 + ($1.0 - a) * ($1.1 - b) } / Double(first.count - 1)
    }

    static func correlation(_ first: [Double], _ second: [Double]) -> Double? {
        guard let covariance = covariance(first, second), let v1 = variance(first), let v2 = variance(second),
              v1 > 0, v2 > 0 else { return nil }
        return covariance / (v1 * v2).squareRoot()
    }
}
