import Exchange

/// Gathers questions into banks as a file names categories: a new category starts a bank.
struct BankCollector {
    private(set) var banks: [QuestionBank] = []
    private var category: String
    private var questions: [BankQuestion] = []

    init(defaultCategory: String) {
        category = defaultCategory
    }

    /// The number the next question of the current bank gets.
    var nextNumber: Int { questions.count + 1 }

    mutating func startCategory(_ name: String) {
        finish()
        category = name
    }

    mutating func add(_ question: BankQuestion) {
        questions.append(question)
    }

    /// Closes the current bank (a bank with no question is not kept).
    mutating func finish() {
        if !questions.isEmpty { banks.append(QuestionBank(category: category, questions: questions)) }
        questions = []
    }
}
