/// A time span as a learner reads it: "42 s", "3 min 12 s", "1 h 5 min"; "<1 s" for less than
/// a second. Shared by the quiz's result and `lectern progress`.
public enum DurationText {
    public static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0.5 else { return "<1 s" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 {
            let rest = whole % 60
            return rest == 0 ? "\(whole / 60) min" : "\(whole / 60) min \(rest) s"
        }
        let minutes = (whole % 3600) / 60
        return minutes == 0 ? "\(whole / 3600) h" : "\(whole / 3600) h \(minutes) min"
    }
}
