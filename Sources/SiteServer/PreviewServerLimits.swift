/// The limits that keep one client from stalling, starving or exhausting the preview server.
///
/// Every other client is served meanwhile: requests are parsed by SwiftNIO's HTTP/1.1 parser
/// (llhttp), in linear time and within `maxHeadBytes`, and each connection is its own task.
public struct PreviewServerLimits: Sendable, Equatable {
    /// Bytes a request head may take, request line and header fields together (and any one
    /// field alone); past it the server answers 431 and closes the connection. Browsers send
    /// one or two kilobytes, but they send every cookie set for 127.0.0.1 by any local app on
    /// any port, so the limit leaves room for a few large ones.
    public static let standardMaxHeadBytes = 32 * 1024

    /// Header fields a request may have; past it, 431. A browser sends about 15.
    public static let standardMaxHeaderFields = 100

    /// Time a client has to send a whole request head, counted from the opening of the
    /// connection for its first request and from the first byte of each later one. A client
    /// that trickles a head (a slow-loris) is disconnected when it runs out.
    public static let standardHeadTimeout: Duration = .seconds(10)

    /// Time a connection may stay open with no request in progress, counted from its opening
    /// or from the end of its last response; then the server closes it. Browsers reconnect
    /// when they need to, so a tab left open holds no descriptor.
    public static let standardIdleTimeout: Duration = .seconds(30)

    /// What `lectern site serve` runs with.
    public static let standard = PreviewServerLimits(
        maxHeadBytes: standardMaxHeadBytes,
        maxHeaderFields: standardMaxHeaderFields,
        headTimeout: standardHeadTimeout,
        idleTimeout: standardIdleTimeout
    )

    public var maxHeadBytes: Int
    public var maxHeaderFields: Int
    public var headTimeout: Duration
    public var idleTimeout: Duration

    public init(maxHeadBytes: Int, maxHeaderFields: Int, headTimeout: Duration, idleTimeout: Duration) {
        self.maxHeadBytes = maxHeadBytes
        self.maxHeaderFields = maxHeaderFields
        self.headTimeout = headTimeout
        self.idleTimeout = idleTimeout
    }
}
