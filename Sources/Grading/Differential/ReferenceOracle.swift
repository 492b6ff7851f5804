import Foundation
import Sandbox

/// The reference's side of differential scenarios: it runs the reference on a plan's
/// programs in a sandbox of its own (never beside learner code), asking the harness to
/// describe each step and name the test it exercises. Traces of fixed seeds are kept in the
/// ``TraceCache`` (keyed by the reference, the harness and the seed), and so is a compiled
/// reference; within one grader (a batch) each plan's traces are computed once.
actor ReferenceOracle {
    /// What the reference gave for one scenario.
    enum Outcome: Sendable, Equatable {
        case trace(Trace)
        /// The harness reported an error or nothing for the reference: the scenario is not used.
        case failed(String)
    }

    private var prepared: Task<Result<Grader.PreparedRun, ReferenceFailure>, Never>?
    private var plans: [String: Task<Result<[String: Outcome], GradingError>, Never>] = [:]
    private var key: String?

    /// The reference cannot run at all (it does not compile, or the sandbox failed).
    struct ReferenceFailure: Error {
        var message: String
        var sandbox: GradingError?
    }

    /// The reference's outcome for every scenario of `plan`, by id; computed once per plan.
    func traces(of plan: DifferentialPlan, grader: Grader) async -> Result<[String: Outcome], GradingError> {
        let memo = plan.ids.joined(separator: ",")
        if let task = plans[memo] { return await task.value }
        let task = Task { await self.compute(plan, grader: grader, useCache: true) }
        plans[memo] = task
        return await task.value
    }

    /// The reference's outcome for programs given outright (the shrinker's), not cached, in at
    /// most `wallSeconds`.
    func run(_ plan: DifferentialPlan, grader: Grader, wallSeconds: Double? = nil) async -> Result<[String: Outcome], GradingError> {
        await compute(plan, grader: grader, useCache: false, wallSeconds: wallSeconds)
    }

    private func compute(_ plan: DifferentialPlan, grader: Grader, useCache: Bool,
                         wallSeconds: Double? = nil) async -> Result<[String: Outcome], GradingError> {
        let cache = grader.differential.cache
        let referenceKey = self.referenceKey(grader)
        let fixed = Set(plan.fixedSeeds)
        var outcomes: [String: Outcome] = [:]
        var missing: [DifferentialPlan.Item] = []
        for item in plan.items {
            if useCache, case .seed(let seed) = item.source, fixed.contains(seed),
               let data = cache.read("reference-traces", key: Self.traceKey(referenceKey, seed: seed)),
               case .object(let observations)? = JSONValue.parse(data), let trace = Trace(observations: observations) {
                outcomes[item.id] = .trace(trace)
            } else {
                missing.append(item)
            }
        }
        guard !missing.isEmpty else { return .success(outcomes) }
        let run: Grader.PreparedRun
        switch await preparedReference(grader) {
        case .success(let ready):
            run = ready
        case .failure(let failure):
            if let error = failure.sandbox { return .failure(error) }
            for item in missing { outcomes[item.id] = .failed(failure.message) }
            return .success(outcomes)
        }
        let subset = DifferentialPlan(items: missing)
        let nonce = Grader.nonce()
        let stdin = nonce + "\n" + subset.requestLine(annotate: true) + "\n"
        let result: RunResult
        switch await grader.settle(run, argv: grader.track.run + subset.ids, stdin: stdin, programs: subset.items.count,
                                   perProgram: 64 << 10, wallSeconds: wallSeconds) {
        case .success(let ran): result = ran
        case .failure(let error): return .failure(error)
        }
        let reading = ChannelParser.parse(result.channel, nonce: nonce, requested: Set(subset.ids))
        for item in missing {
            switch reading.outcomes[item.id] {
            case .observed(let observations)?:
                guard let trace = Trace(observations: observations) else {
                    outcomes[item.id] = .failed("the harness's record for the reference holds no trace")
                    continue
                }
                outcomes[item.id] = .trace(trace)
                if useCache, case .seed(let seed) = item.source, fixed.contains(seed) {
                    cache.write(Data(JSONValue.object(observations).compactJSON.utf8), "reference-traces",
                                key: Self.traceKey(referenceKey, seed: seed))
                }
            case .raised(let error)?:
                outcomes[item.id] = .failed("the reference raised \(error.type): \(error.message)")
            case nil:
                outcomes[item.id] = .failed("the harness reported nothing for the reference (\(Grader.describe(result.termination)))")
            }
        }
        return .success(outcomes)
    }

    /// The reference with the harness, compiled once (and kept in the cache) when the track compiles.
    private func preparedReference(_ grader: Grader) async -> Result<Grader.PreparedRun, ReferenceFailure> {
        if let prepared { return await prepared.value }
        let referenceKey = self.referenceKey(grader)
        let task = Task { await Self.prepare(grader, key: referenceKey) }
        prepared = task
        return await task.value
    }

    private static func prepare(_ grader: Grader, key: String) async -> Result<Grader.PreparedRun, ReferenceFailure> {
        let reference: Submission
        do throws(GradingError) {
            reference = try Submission(grader.track.reference)
        } catch {
            return .failure(ReferenceFailure(message: error.description))
        }
        let cache = grader.differential.cache
        if grader.track.compile != nil, let binary = cache.read("reference-builds", key: key) {
            var files = (try? reference.files(for: grader.track)) ?? [:]
            files["harness"] = .copy(grader.track.harness)
            let argv = grader.compileArgv(grader.track.compile ?? [], files: files, submission: reference)
            if let path = grader.outputPath(of: argv) {
                files[path] = .executable(binary)
                return .success(Grader.PreparedRun(files: files, names: reference.learnerNames(for: grader.track),
                                                   learnerFile: grader.track.entry))
            }
        }
        do throws(GradingError) {
            switch try await grader.prepare(reference) {
            case .success(let run):
                let argv = grader.compileArgv(grader.track.compile ?? [], files: run.files, submission: reference)
                if grader.track.compile != nil, let path = grader.outputPath(of: argv),
                   case .executable(let binary)? = run.files[path] {
                    cache.write(binary, "reference-builds", key: key)
                }
                return .success(run)
            case .failure(let failure):
                return .failure(ReferenceFailure(message: "the reference does not run: \(failure.message)"))
            }
        } catch {
            return .failure(ReferenceFailure(message: error.description, sandbox: error))
        }
    }

    /// A hash of everything the reference's behaviour depends on: the track, the reference,
    /// every harness file, and the compile and run commands.
    private func referenceKey(_ grader: Grader) -> String {
        if let key { return key }
        var hasher = SHA256()
        func add(_ text: String) { hasher.update(Array(text.utf8) + [0]) }
        func add(_ data: Data) {
            add(String(data.count))
            hasher.update(data)
        }
        add("lectern-reference/1")
        add(grader.track.name)
        add(grader.track.entry)
        add((try? Data(contentsOf: grader.track.reference)) ?? Data())
        for file in Grader.listing(grader.track.harness) {
            let url = grader.track.harness.appendingPathComponent(file)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  !file.contains("__pycache__") else { continue }
            add(file)
            add((try? Data(contentsOf: url)) ?? Data())
        }
        add(grader.track.run.joined(separator: "\u{1}"))
        add((grader.track.compile ?? []).joined(separator: "\u{1}"))
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        key = digest
        return digest
    }

    private static func traceKey(_ referenceKey: String, seed: UInt64) -> String {
        SHA256.hex(Data("\(referenceKey)/\(seed)".utf8)) + ".json"
    }
}
