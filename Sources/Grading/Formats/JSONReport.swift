import Support

/// Lectern's own JSON report: the ``GradingReport`` as it is, points to two decimals.
/// The schema is documented in docs/grading.md.
enum JSONReport {
    static func render(_ report: GradingReport) -> String {
        var rounded = report
        rounded.duration = (report.duration * 1000).rounded() / 1000
        rounded.tests = report.tests.map { test in
            var test = test
            test.points = Points.round(test.points)
            test.maxPoints = Points.round(test.maxPoints)
            return test
        }
        rounded.groups = report.groups.map { group in
            var group = group
            group.points = Points.round(group.points)
            group.maxPoints = Points.round(group.maxPoints)
            return group
        }
        return StableJSON.encode(rounded)
    }
}
