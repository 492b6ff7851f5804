import NIOCore
import NIOHTTP1

/// Gives every request that does not keep its connection alive the header `Connection: close`,
/// the one form Hummingbird checks before closing: an HTTP/1.0 request without keep-alive, or
/// `Connection: Close` spelled otherwise. Without it such a client would wait for the idle
/// timeout to see the end of its response. Sits between NIO's decoder and Hummingbird's codec.
final class ConnectionCloseMarker: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), !head.isKeepAlive else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "Connection", value: "close")
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
