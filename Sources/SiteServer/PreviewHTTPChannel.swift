import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypesHTTP1

/// One connection of the preview server: Hummingbird's HTTP/1.1 channel (NIO's parser, bounded
/// by `PreviewServerLimits`, and Hummingbird's idle timeout), with Nagle's algorithm off, a
/// deadline for each request head, 431 for an oversized head, and HTTP/1.0's closing.
struct PreviewHTTPChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    private let http1: HTTP1Channel
    private let headTimeout: TimeAmount

    init(limits: PreviewServerLimits, responder: @escaping HTTPChannelHandler.Responder) {
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: limits.maxHeadBytes,
            maxHeaderListSize: limits.maxHeadBytes,
            maxHeaderFieldCount: limits.maxHeaderFields
        )
        let configuration = HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestHeadObserver(), OversizedHeadResponder()],
            idleTimeout: TimeAmount(limits.idleTimeout),
            httpDecoderConfiguration: decoder
        )
        http1 = HTTP1Channel(responder: responder, configuration: configuration)
        headTimeout = TimeAmount(limits.headTimeout)
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let headTimeout = headTimeout
        // Without TCP_NODELAY a response's last segment waits for the client's delayed ACK:
        // about 40 ms for every request on a kept-alive connection.
        return channel.setOption(ChannelOptions.tcpOption(.tcp_nodelay), value: 1).flatMapThrowing {
            // First in the pipeline, in front of the HTTP decoder: it sees the bytes arrive.
            try channel.pipeline.syncOperations.addHandler(RequestHeadTimeoutHandler(limit: headTimeout))
        }.flatMap {
            http1.setup(channel: channel, logger: logger)
        }.flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let codec = try pipeline.handler(type: HTTP1ToHTTPServerCodec.self)
            try pipeline.addHandler(ConnectionCloseMarker(), position: .before(codec))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
