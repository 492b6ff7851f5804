#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One event from the learner's input, read a line at a time.
public enum LineEvent: Equatable, Sendable {
    case line(String)
    /// Input ended (Ctrl-D on an empty line, or the end of a pipe).
    case endOfInput
    /// Ctrl-C, SIGTERM or SIGHUP, or the terminal went away.
    case stopped(StopReason)
}

/// Where the quiz reads the learner's lines from (the terminal, or a script in tests).
public protocol LineSource {
    mutating func nextLine() -> LineEvent
}

/// Reads lines from a file descriptor with read(2), byte by byte up to the newline, so
/// nothing typed ahead is swallowed by a buffer; it polls the terminal beside the stop
/// signals' wake pipe, so Ctrl-C, SIGTERM and SIGHUP are seen at once whichever thread they
/// land on.
public struct DescriptorLineSource: LineSource {
    private let descriptor: Int32

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    public mutating func nextLine() -> LineEvent {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            if let stop = StopSignals.received { return .stopped(stop) }
            guard case .input = InputWait.wait(for: descriptor) else {
                StopSignals.drainWakePipe()
                _ = StopSignals.takeContinued()  // canonical mode needs no redraw
                continue
            }
            if let stop = StopSignals.received { return .stopped(stop) }
            let count = read(descriptor, &byte, 1)
            if count == 1 {
                if byte == UInt8(ascii: "\n") { return .line(String(decoding: bytes, as: UTF8.self)) }
                bytes.append(byte)
            } else if count < 0, errno == EINTR || errno == EAGAIN {
                continue
            } else {
                if let stop = InputWait.endReason(of: descriptor, readError: count < 0 ? errno : 0) { return .stopped(stop) }
                // Ctrl-D after some text hands that text over first, as the shell does.
                return bytes.isEmpty ? .endOfInput : .line(String(decoding: bytes, as: UTF8.self))
            }
        }
    }
}

/// Lines given in advance (tests).
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
