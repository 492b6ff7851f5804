#if DEBUG
import Foundation
#endif

/// A crash on request, in debug builds only, so the pseudo-terminal tests can check that a
/// crash of the quiz's rendering still gives the learner their terminal back. Release
/// builds compile it to nothing and never read the variable.
enum DebugFault {
    /// `LECTERN_DEBUG_CRASH_RENDERING=N` traps just before question N is drawn.
    static func crashIfRequested(renderingQuestion position: Int) {
        #if DEBUG
        if let value = ProcessInfo.processInfo.environment["LECTERN_DEBUG_CRASH_RENDERING"], Int(value) == position {
            fatalError("LECTERN_DEBUG_CRASH_RENDERING=\(value): a deliberate crash while drawing question \(position)")
        }
        #endif
    }
}
