import Foundation
import Glibc

/// The pipes of one run: stdout, stderr, and optionally the observation channel (fd 3), the
/// launcher's control stream (fd 4) and bubblewrap's info stream (fd 5).
struct RunPipes {
    var stdout: Pipe
    var stderr: Pipe
    var channel: Pipe?
    var control: Pipe?
    var info: Pipe?

    init(channel: Bool, control: Bool) throws(SandboxError) {
        stdout = try Pipe()
        stderr = try Pipe()
        self.channel = channel ? try Pipe() : nil
        self.control = control ? try Pipe() : nil
        self.info = control ? try Pipe() : nil
    }

    private var all: [Pipe] { [stdout, stderr, channel, control, info].compactMap { $0 } }

    /// The child's descriptor table: stdin from `stdin`, then the write ends.
    func descriptors(stdin: CInt) -> [CInt: CInt] {
        var table: [CInt: CInt] = [0: stdin, 1: stdout.writeEnd, 2: stderr.writeEnd]
        if let channel { table[3] = channel.writeEnd }
        if let control { table[4] = control.writeEnd }
        if let info { table[5] = info.writeEnd }
        return table
    }

    func closeWriteEnds() {
        for pipe in all { close(pipe.writeEnd) }
    }

    func closeAll() {
        closeWriteEnds()
        for pipe in all { close(pipe.readEnd) }
    }
}

/// The bounded streams a pumped run produced, by role.
struct Streams {
    var stdout: BoundedBuffer
    var stderr: BoundedBuffer
    var channel: BoundedBuffer
    var control: BoundedBuffer
    var info: BoundedBuffer
}

/// Starts `spec` and pumps its pipes to the end on a thread of its own, so the blocking
/// `poll` loop never occupies a Swift concurrency thread. Cancelling the task kills the run.
///
/// The child is spawned from that same thread, which lives exactly as long as the run:
/// bubblewrap's `--die-with-parent` (`PR_SET_PDEATHSIG`) fires when the *thread* that spawned
/// it exits, and a thread of Swift's cooperative pool may retire in the middle of a long run.
func execute(
    _ spec: ChildSpec, pipes: RunPipes, wallSeconds: Double,
    outputBound: Int, controlBound: Int
) async throws(SandboxError) -> (outcome: PumpOutcome, streams: Streams) {
    let wake: Pipe
    do { wake = try Pipe() } catch {
        pipes.closeAll()
        throw error
    }
    defer {
        close(wake.readEnd)
        close(wake.writeEnd)
    }
    var pumped: [(fd: CInt, bound: Int)] = [(pipes.stdout.readEnd, outputBound), (pipes.stderr.readEnd, outputBound)]
    if let channel = pipes.channel { pumped.append((channel.readEnd, outputBound)) }
    if let control = pipes.control { pumped.append((control.readEnd, controlBound)) }
    if let info = pipes.info { pumped.append((info.readEnd, 4096)) }
    let streams = pumped
    let cancel = wake.readEnd
    let wakeWriter = wake.writeEnd

    let finished = await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<Result<PumpOutcome, SandboxError>, Never>) in
            let thread = Thread {
                let started = ContinuousClock.now
                let pid: pid_t
                do throws(SandboxError) {
                    pid = try spawn(spec)
                } catch {
                    pipes.closeAll()
                    continuation.resume(returning: .failure(error))
                    return
                }
                pipes.closeWriteEnds()
                let pump = Pump(pid: pid, streams: streams, wallSeconds: wallSeconds, cancel: cancel, started: started)
                continuation.resume(returning: .success(pump.run()))
            }
            thread.name = "lectern-sandbox-run"
            thread.start()
        }
    } onCancel: {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }
    let outcome = try finished.get()

    var buffers = outcome.streams[...]
    let stdout = buffers.popFirst()!
    let stderr = buffers.popFirst()!
    let channel = pipes.channel != nil ? buffers.popFirst()! : BoundedBuffer(bound: 0)
    let control = pipes.control != nil ? buffers.popFirst()! : BoundedBuffer(bound: 0)
    let info = pipes.info != nil ? buffers.popFirst()! : BoundedBuffer(bound: 0)
    return (outcome, Streams(stdout: stdout, stderr: stderr, channel: channel, control: control, info: info))
}
