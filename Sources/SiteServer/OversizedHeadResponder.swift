import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers 431 Request Header Fields Too Large when a request head overflows the HTTP
/// decoder's limits (`PreviewServerLimits.maxHeadBytes`, `maxHeaderFields`), then closes the
/// connection. NIO's decoder reports the overflow as `HTTPParserError.headerOverflow`, which
/// Hummingbird alone would answer with 400.
///
/// The 431 comes after any response still owed to earlier, pipelined requests. Then the server
/// stops writing but reads and drops what the client is still sending, for up to `drainTime`:
/// closing a socket with unread input makes the kernel reset the connection, and a reset can
/// discard the answer before the client has read it.
final class OversizedHeadResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// How long the rest of an oversized request is read and dropped after the 431.
    static let drainTime: TimeAmount = .seconds(2)

    /// Requests whose heads were parsed and whose responses have not ended yet.
    private var responsesOwed = 0
    private var rejecting = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { responsesOwed += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let endsResponse: Bool
        if case .end = unwrapOutboundIn(data) { endsResponse = true } else { endsResponse = false }
        context.write(data, promise: promise)
        guard endsResponse else { return }
        responsesOwed -= 1
        if rejecting && responsesOwed == 0 { answer(context) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Once rejecting, the decoder reports every later byte as an error: those are dropped.
        if rejecting { return }
        guard let parserError = error as? HTTPParserError, parserError == .headerOverflow else {
            context.fireErrorCaught(error)
            return
        }
        rejecting = true
        if responsesOwed == 0 { answer(context) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if rejecting, let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)  // the client has finished sending: done draining
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private func answer(_ context: ChannelHandlerContext) {
        let body = ByteBuffer(string: "Request header fields too large\n")
        let head = HTTPResponse(status: .requestHeaderFieldsTooLarge, headerFields: [
            .contentType: "text/plain; charset=utf-8",
            .contentLength: String(body.readableBytes),
            .connection: "close",
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(mode: .output, promise: nil)
        context.eventLoop.assumeIsolated().scheduleTask(in: Self.drainTime) {
            context.close(promise: nil)
        }
    }
}
