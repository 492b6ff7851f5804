import Testing
import Course

/// A command that exits right after its work keeps its large values instead of freeing them.
@Suite struct ProcessLifetimeTests {
    private final class Tree {}

    @Test func aKeptValueOutlivesItsScope() {
        weak var kept: Tree?
        weak var dropped: Tree?
        do {
            let first = Tree()
            let second = Tree()
            kept = first
            dropped = second
            ProcessLifetime.keep(first)
        }
        #expect(kept != nil)
        #expect(dropped == nil)
    }
}
