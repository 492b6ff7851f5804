// Entry point of the hidden tests: everything lives in `LecternHarness`, so the learner's
// file, compiled into the same module, meets one harness name only and no harness globals.
if CommandLine.arguments.dropFirst().first == LecternHarness.workerFlag {
    await LecternHarness.work()
} else {
    LecternHarness.supervise()
}
