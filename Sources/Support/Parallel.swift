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
