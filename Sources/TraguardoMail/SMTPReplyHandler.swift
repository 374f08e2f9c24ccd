import NIOCore
import NIOSSL

/// Reads the server's bytes into replies (`250-…` lines gathered until `250 …`) and hands each to the next
/// waiting step, or keeps it until one asks. A line longer than 4.096 bytes or a reply of more than 200
/// lines is not SMTP: the connection ends with an error. A step that waits longer than its time is failed
/// with `SMTPError.timeout` and the connection is closed.
final class SMTPReplyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    static let maximumLineLength = 4096
    static let maximumReplyLines = 200

    private var pendingBytes: [UInt8] = []
    private var currentLines: [String] = []
    private var replies: [SMTPReply] = []
    private var waiters: [(id: Int, step: String, promise: EventLoopPromise<SMTPReply>)] = []
    private var failure: SMTPError?
    private var nextID = 0

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        pendingBytes.append(contentsOf: buffer.readableBytesView)
        while failure == nil, let newline = pendingBytes.firstIndex(of: UInt8(ascii: "\n")) {
            var line = pendingBytes[..<newline]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let text = String(decoding: line, as: UTF8.self)
            pendingBytes.removeSubrange(...newline)
            if line.count > Self.maximumLineLength {
                fail(.protocolViolation("riga di oltre \(Self.maximumLineLength) byte"), context: context)
                return
            }
            take(text, context: context)
        }
        if pendingBytes.count > Self.maximumLineLength {
            fail(.protocolViolation("riga di oltre \(Self.maximumLineLength) byte"), context: context)
        }
    }

    private func take(_ line: String, context: ChannelHandlerContext) {
        let characters = Array(line)
        guard characters.count >= 3, let code = Int(String(characters[0..<3])), (200...599).contains(code),
              characters.count == 3 || characters[3] == " " || characters[3] == "-"
        else {
            fail(.protocolViolation("«\(String(line.prefix(80)))» non è una risposta SMTP"), context: context)
            return
        }
        currentLines.append(characters.count > 4 ? String(characters[4...]) : "")
        if characters.count > 3, characters[3] == "-" {
            if currentLines.count > Self.maximumReplyLines {
                fail(.protocolViolation("risposta di oltre \(Self.maximumReplyLines) righe"), context: context)
            }
            return
        }
        let reply = SMTPReply(code: code, lines: currentLines)
        currentLines = []
        if waiters.isEmpty {
            replies.append(reply)
        } else {
            waiters.removeFirst().promise.succeed(reply)
        }
    }

    /// The next reply, for the step named `step`; fails after `timeout`.
    func expect(_ promise: EventLoopPromise<SMTPReply>, step: String, timeout: TimeAmount, seconds: Double, channel: any Channel) {
        if !replies.isEmpty {
            promise.succeed(replies.removeFirst())
            return
        }
        if let failure {
            promise.fail(failure.named(step))
            return
        }
        nextID += 1
        let id = nextID
        waiters.append((id, step, promise))
        let loop = channel.eventLoop
        let task = loop.scheduleTask(in: timeout) { [channel] in
            guard let handler = try? channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self) else { return }
            handler.timeOut(id, seconds: seconds, channel: channel)
        }
        promise.futureResult.whenComplete { _ in task.cancel() }
    }

    private func timeOut(_ id: Int, seconds: Double, channel: any Channel) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        let waiter = waiters.remove(at: index)
        let error = SMTPError.timeout(step: waiter.step, seconds: seconds)
        failure = error
        waiter.promise.fail(error)
        for other in waiters { other.promise.fail(error) }
        waiters = []
        channel.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if failure == nil { failure = .closed(step: "") }
        let error = failure ?? .closed(step: "")
        for waiter in waiters { waiter.promise.fail(error.named(waiter.step)) }
        waiters = []
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let described: SMTPError = switch error {
        case let error as SMTPError: error
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError: .tls(String(describing: error))
        default: .connection(host: "", port: 0, reason: String(describing: error))
        }
        fail(described, context: context)
    }

    private func fail(_ error: SMTPError, context: ChannelHandlerContext) {
        if failure == nil { failure = error }
        for waiter in waiters { waiter.promise.fail(error.named(waiter.step)) }
        waiters = []
        context.close(promise: nil)
    }
}

extension SMTPError {
    /// A closed connection says which step found it closed.
    func named(_ step: String) -> SMTPError {
        if case .closed = self { return .closed(step: step) }
        return self
    }
}
