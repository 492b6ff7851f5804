import Foundation

/// Independent per-item work spread over every core, with results in input order, so a
/// parallel phase gives exactly what the same loop run in sequence would.
public enum Parallel {
    /// `body(0) … body(count - 1)`, computed concurrently; `body` must not share mutable state.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                (slots.base + index).initialize(to: body(index))  // each slot is written by one iteration only
            }
            initialized = count
        }
    }

    /// The result buffer, shared by iterations that each write a different slot.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}

/// Work started now on a thread of its own, its result taken where it is needed: for a step
/// that reads files (a site's theme, the highlighter's bundle) while the cores do other work,
/// instead of alone between two parallel phases. A thread rather than a dispatch queue, so it
/// runs even while `Parallel.map` keeps every pool thread busy.
public final class Background<T: Sendable>: @unchecked Sendable {  // `result` is written before `done` signals, read after
    private let done = DispatchSemaphore(value: 0)
    private var result: T?

    public init(_ work: @escaping @Sendable () -> T) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    /// The work's result, once it is done. Call it once.
    public func wait() -> T {
        done.wait()
        return result!
    }
}

/// Lets go of a value on a thread of its own: tearing down a large tree of values (the
/// quizzes of a course's solutions pages, tens of thousands of nodes, once they have keyed
/// their lessons) then costs the caller nothing, where it was a serial step between two
/// parallel phases.
public func discardInBackground<T: Sendable>(_ value: consuming T) {
    let held = value
    Thread { withExtendedLifetime(held) {} }.start()
}
