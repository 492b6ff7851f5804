#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waiting on the learner's input beside the stop signals' wake pipe, shared by the line and
/// key readers.
enum InputWait {
    enum Readiness {
        /// The descriptor can be read.
        case input
        /// A stop signal arrived or the process was continued (see `StopSignals`).
        case woken
        case timedOut
    }

    /// Waits until the descriptor can be read or a signal wakes the pipe; `milliseconds`
    /// -1 waits for ever. A wait cut short by EINTR is reported as woken, so the caller
    /// looks at the signal flags again.
    static func wait(for descriptor: Int32, milliseconds: Int32 = -1) -> Readiness {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if StopSignals.wakeDescriptor >= 0 {
            fds.append(pollfd(fd: StopSignals.wakeDescriptor, events: Int16(POLLIN), revents: 0))
        }
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        if ready == 0 { return .timedOut }
        if ready < 0 { return .woken }
        if fds.count > 1, fds[1].revents != 0 { return .woken }
        return .input
    }

    /// Why reading gave nothing (`readError` is errno when read(2) failed, else 0): a
    /// terminal that answers EIO was hung up (its window was closed; SIGHUP may arrive a
    /// moment after the read returns); otherwise the input ended.
    static func endReason(of descriptor: Int32, readError: Int32) -> StopReason? {
        if let stop = StopSignals.received { return stop }
        if readError == EIO { return .hangup }
        var settings = termios()
        if tcgetattr(descriptor, &settings) != 0, errno == EIO { return .hangup }
        return nil
    }
}
