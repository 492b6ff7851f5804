#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One event from the learner's input.
public enum LineEvent: Equatable, Sendable {
    case line(String)
    /// Input ended (Ctrl-D on an empty line, or the end of a pipe).
    case endOfInput
    /// Ctrl-C.
    case interrupted
}

/// Where the interactive quiz reads the learner's lines from (the terminal, or a script in tests).
public protocol LineSource {
    mutating func nextLine() -> LineEvent
}

/// Reads lines from a file descriptor with read(2), byte by byte up to the newline, so
/// nothing typed ahead is swallowed by a buffer; it polls the terminal beside the interrupt
/// pipe, so Ctrl-C is seen at once whichever thread the signal lands on.
public struct DescriptorLineSource: LineSource {
    private let descriptor: Int32

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    public mutating func nextLine() -> LineEvent {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            if InterruptFlag.isSet { return .interrupted }
            guard waitForInput() else { continue }
            if InterruptFlag.isSet { return .interrupted }
            let count = read(descriptor, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { return .line(String(decoding: bytes, as: UTF8.self)) }
                bytes.append(byte)
            } else if count == 0 {
                // Ctrl-D after some text hands that text over first, as the shell does.
                return bytes.isEmpty ? .endOfInput : .line(String(decoding: bytes, as: UTF8.self))
            } else if errno == EINTR {
                continue
            } else {
                return .endOfInput
            }
        }
    }
}

extension DescriptorLineSource {
    /// Waits until the descriptor can be read or Ctrl-C wakes the interrupt pipe; false when
    /// the wait itself was interrupted and should be repeated.
    fileprivate func waitForInput() -> Bool {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if InterruptFlag.wakeDescriptor >= 0 {
            fds.append(pollfd(fd: InterruptFlag.wakeDescriptor, events: Int16(POLLIN), revents: 0))
        }
        let ready = poll(&fds, nfds_t(fds.count), -1)
        return ready > 0
    }
}

/// Lines given in advance (tests, and the scripted quiz's replay).
public struct ScriptedLineSource: LineSource {
    private var events: [LineEvent]

    public init(_ events: [LineEvent]) {
        self.events = events
    }

    public init(lines: [String]) {
        self.events = lines.map(LineEvent.line)
    }

    public mutating func nextLine() -> LineEvent {
        events.isEmpty ? .endOfInput : events.removeFirst()
    }
}
