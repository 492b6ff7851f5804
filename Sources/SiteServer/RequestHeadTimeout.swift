import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client does not send a whole request head in time: a slow-loris
/// that trickles header bytes holds a connection for at most `limit`.
///
/// The clock starts when the connection opens (for its first request) and at the first byte
/// of each later request; between requests the idle timeout applies instead. The handler sits
/// in front of the HTTP decoder, where bytes arrive; `RequestHeadObserver`, behind the
/// decoder, tells it when a head is complete and when a request has ended.
final class RequestHeadTimeoutHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let limit: TimeAmount
    /// No head has arrived since the last request ended (or the connection opened).
    private var awaitingHead = true
    private var deadline: Scheduled<Void>?

    init(limit: TimeAmount) {
        self.limit = limit
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startClock(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startClock(context)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if awaitingHead { startClock(context) }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        stopClock()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        stopClock()
    }

    /// A request head has been parsed: the clock stops until that request ends.
    func headReceived() {
        awaitingHead = false
        stopClock()
    }

    /// A request has been read to its end: the next byte starts the next head.
    func requestEnded() {
        awaitingHead = true
    }

    private func startClock(_ context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: limit) {
            context.close(promise: nil)
        }
    }

    private func stopClock() {
        deadline?.cancel()
        deadline = nil
    }
}

/// Reports parsed request heads and ends to the connection's `RequestHeadTimeoutHandler`.
/// Hummingbird adds it behind the HTTP decoder (an `additionalChannelHandlers` entry).
final class RequestHeadObserver: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private var timeout: RequestHeadTimeoutHandler?

    func handlerAdded(context: ChannelHandlerContext) {
        timeout = try? context.pipeline.syncOperations.handler(type: RequestHeadTimeoutHandler.self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: timeout?.headReceived()
        case .end: timeout?.requestEnded()
        case .body: break
        }
        context.fireChannelRead(data)
    }
}
