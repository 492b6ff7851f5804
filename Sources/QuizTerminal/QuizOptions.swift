import Support
/// When the learner sees whether an answer was right.
public enum FeedbackMode: String, CaseIterable, Sendable {
    /// Answers are confirmed; right and wrong, and explanations, come in the review at the end.
    case end
    /// After each answer: right or wrong, the correct option and the explanation.
    case immediate
}

/// Which questions the final review goes through.
public enum ReviewMode: String, CaseIterable, Sendable {
    case missed
    case all
}

/// Everything `lectern quiz` can be told, as the CLI parsed it.
public struct QuizOptions: Sendable {
    /// A session number, id or path; a path may be any markdown file holding a quiz.
    public var session: String?
    /// The course folder; default `content` when present, else the current folder.
    public var course: String?
    public var feedback: FeedbackMode
    public var shuffle: Bool
    /// The shuffle's seed; implies `shuffle`.
    public var seed: UInt64?
    public var review: ReviewMode
    public var format: OutputFormat
    public var noColor: Bool
    /// `--data-dir`; see `DataDirectory.resolve`.
    public var dataDirectory: String?
    /// `--answers D,D,A,…`.
    public var answers: String?
    /// `--confirm`: a letter or number selects, Enter confirms (also `LECTERN_QUIZ_CONFIRM=1`).
    public var confirm: Bool
    /// `--plain`: for screen readers; one line per event, no cursor movement, no colour.
    public var plain: Bool
    /// `--resume`: take up the last attempt that ended early, where it stopped.
    public var resume: Bool
    /// `--learner NAME`: whose attempt it is; nil means the login name.
    public var learner: String?

    public init(session: String? = nil, course: String? = nil, feedback: FeedbackMode = .end, shuffle: Bool = false,
                seed: UInt64? = nil, review: ReviewMode = .missed, format: OutputFormat = .text, noColor: Bool = false,
                dataDirectory: String? = nil, answers: String? = nil, confirm: Bool = false, plain: Bool = false,
                resume: Bool = false, learner: String? = nil) {
        self.session = session
        self.course = course
        self.feedback = feedback
        self.shuffle = shuffle
        self.seed = seed
        self.review = review
        self.format = format
        self.noColor = noColor
        self.dataDirectory = dataDirectory
        self.answers = answers
        self.confirm = confirm
        self.plain = plain
        self.resume = resume
        self.learner = learner
    }
}
