#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Quiz

/// Where the quiz reads single keys from: the terminal, or a script in tests.
public protocol KeySource {
    mutating func nextKey() -> KeyEvent
}

/// Reads the terminal's bytes as they are typed (the terminal in `InputStyle.keys`) and
/// decodes them into keys. Keys typed ahead wait in order for the next question. It polls
/// the terminal beside the stop signals' wake pipe, so Ctrl-C, SIGTERM and SIGHUP are seen at
/// once whichever thread they land on.
public struct DescriptorKeySource: KeySource {
    private let descriptor: Int32
    private var decoder = KeyDecoder()
    private var queue: [KeyEvent] = []
    /// How long a lone ESC waits for the rest of a sequence before it counts as Escape.
    private static let escapeMilliseconds: Int32 = 40

    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    public mutating func nextKey() -> KeyEvent {
        while true {
            if let stop = StopSignals.received { return .stopped(stop) }
            if !queue.isEmpty { return queue.removeFirst() }
            switch InputWait.wait(for: descriptor, milliseconds: decoder.isPending ? Self.escapeMilliseconds : -1) {
            case .timedOut:
                queue += decoder.flush()
            case .woken:
                StopSignals.drainWakePipe()
                if let stop = StopSignals.received { return .stopped(stop) }
                if StopSignals.takeContinued() { return .resumed }
            case .input:
                var buffer = [UInt8](repeating: 0, count: 64)
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 {
                    for byte in buffer[..<count] { queue += decoder.feed(byte) }
                } else if count < 0, errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    // Nothing more will come: the terminal was closed, or the input ended.
                    let readError = count < 0 ? errno : 0
                    return InputWait.endReason(of: descriptor, readError: readError).map(KeyEvent.stopped) ?? .endOfInput
                }
            }
        }
    }
}

/// Keys given in advance (tests).
public struct ScriptedKeySource: KeySource {
    private var events: [KeyEvent]

    public init(_ events: [KeyEvent]) {
        self.events = events
    }

    /// One key event per character of `typed`, decoded as a terminal's bytes would be
    /// ("\u{1B}[B" is ↓, "\r" Enter, "\u{4}" Ctrl-D).
    public init(typing typed: String) {
        var decoder = KeyDecoder()
        self.events = typed.utf8.flatMap { decoder.feed($0) } + decoder.flush()
    }

    public mutating func nextKey() -> KeyEvent {
        events.isEmpty ? .endOfInput : events.removeFirst()
    }
}
