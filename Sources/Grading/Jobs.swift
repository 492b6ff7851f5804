/// Gradings run a few at a time (`--jobs`), their results in the order asked for.
enum Jobs {
    /// `body(0) … body(count - 1)`, `jobs` at a time; the results in order, or the first error.
    static func run<T: Sendable>(_ count: Int, at jobs: Int, _ body: @escaping @Sendable (Int) async throws(GradingError) -> T)
        async throws(GradingError) -> [T] {
        let results: [Result<T, GradingError>] = await withTaskGroup(of: (Int, Result<T, GradingError>).self) { group in
            var next = 0
            func start() {
                guard next < count else { return }
                let index = next
                next += 1
                // The child returns a settled Result, never a tuple built around a `try await`:
                // Swift 6.3.1's LLVM dead store elimination dropped the index stored into such a
                // closure's result in release builds (every outcome came back as index 0: the
                // SIGILL of `lectern check` in release).
                group.addTask { (index, await Self.settle(index, body)) }
            }
            for _ in 0..<max(1, jobs) { start() }
            var collected = [Result<T, GradingError>?](repeating: nil, count: count)
            while let (index, result) = await group.next() {
                collected[index] = result
                start()
            }
            return collected.map { $0! }
        }
        return try results.map { (result) throws(GradingError) in try result.get() }
    }

    private static func settle<T: Sendable>(_ index: Int, _ body: @Sendable (Int) async throws(GradingError) -> T) async -> Result<T, GradingError> {
        do throws(GradingError) {
            return .success(try await body(index))
        } catch {
            return .failure(error)
        }
    }
}
