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
    let started = ContinuousClock.now
    let pid: pid_t
    do {
        pid = try spawn(spec)
    } catch {
        pipes.closeAll()
        throw error
    }
    pipes.closeWriteEnds()

    var streams: [(fd: CInt, bound: Int)] = [(pipes.stdout.readEnd, outputBound), (pipes.stderr.readEnd, outputBound)]
    if let channel = pipes.channel { streams.append((channel.readEnd, outputBound)) }
    if let control = pipes.control { streams.append((control.readEnd, controlBound)) }
    if let info = pipes.info { streams.append((info.readEnd, 4096)) }
    let pump = Pump(pid: pid, streams: streams, wallSeconds: wallSeconds, cancel: wake.readEnd, started: started)
    let wakeWriter = wake.writeEnd

    let outcome = await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<PumpOutcome, Never>) in
            let thread = Thread { continuation.resume(returning: pump.run()) }
            thread.name = "lectern-sandbox-pump"
            thread.start()
        }
    } onCancel: {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }

    var buffers = outcome.streams[...]
    let stdout = buffers.popFirst()!
    let stderr = buffers.popFirst()!
    let channel = pipes.channel != nil ? buffers.popFirst()! : BoundedBuffer(bound: 0)
    let control = pipes.control != nil ? buffers.popFirst()! : BoundedBuffer(bound: 0)
    let info = pipes.info != nil ? buffers.popFirst()! : BoundedBuffer(bound: 0)
    return (outcome, Streams(stdout: stdout, stderr: stderr, channel: channel, control: control, info: info))
}
