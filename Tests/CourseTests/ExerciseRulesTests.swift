import Testing
@testable import Course

/// README rules carry ids in bold; the "Rules and their tests" listing names their tests.
@Suite struct ExerciseRulesTests {
    let readme = """
        # Exercise

        ### Closed

        - **C1** A new breaker is closed.
        - **C2** A success resets the count, unlike **C9** which is only mentioned.

        **O4** A neutral outcome changes nothing.

        Where the deadline is measured: see **PY8**.

        ## Python API

        - **PY8** The deadline is the event loop's.

        ### Rules and their tests

        - **C1**: `initial_stats`
        - **C2**: `success_resets`, `reuse_after_close` (Python), `zero_recovery` (Swift, Python)

        ## Grading
        """

    @Test func rulesAreParagraphsAndItemsThatStartWithABoldId() {
        let parsed = ExerciseRules.parse(readme)
        #expect(parsed.rules.map(\.id) == ["C1", "C2", "O4", "PY8"])
        #expect(parsed.rules.map(\.line) == [5, 6, 8, 14])
    }

    @Test func theListingGivesEachRulesTestsAndTheTracksOfTheOnesSomeTracksLack() {
        let parsed = ExerciseRules.parse(readme)
        #expect(parsed.listingHeading == 16)
        #expect(parsed.listing.map(\.rule) == ["C1", "C2"])
        #expect(parsed.listing[1].tests == [
            ExerciseRules.ListedTest(id: "success_resets", tracks: []),
            ExerciseRules.ListedTest(id: "reuse_after_close", tracks: ["python"]),
            ExerciseRules.ListedTest(id: "zero_recovery", tracks: ["swift", "python"]),
        ])
    }

    @Test func aListingLineReadsAsTheReadmeWritesIt() {
        let line = ExerciseRules.listingLine(rule: "C2", tests: [
            ExerciseRules.ListedTest(id: "success_resets", tracks: []),
            ExerciseRules.ListedTest(id: "reuse_after_close", tracks: ["python"]),
        ])
        #expect(line == "- **C2**: `success_resets`, `reuse_after_close` (Python)")
    }

    @Test func boldTextThatIsNoIdIsNoRule() {
        let parsed = ExerciseRules.parse("- **closed**: calls go through\n- **C12x** no\n- **ABCD1** no\n")
        #expect(parsed.rules.isEmpty)
    }
}
