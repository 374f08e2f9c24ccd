import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw TCP connection to a test server on 127.0.0.1, for what an HTTP client does not let a test do: send
/// only part of a request (the headers and the first bytes of a body, or headers one byte at a time) and see
/// what the server does before the rest arrives. Every call blocks: use it through ``run(_:)``, off the
/// tasks' thread pool that the server's handlers need.
final class LoopbackConnection: @unchecked Sendable {
    private let socketFD: Int32

    /// - Parameter receiveTimeout: how long a read waits before giving up (bounds a test that would otherwise hang).
    init(port: Int, receiveTimeout: Int = 60) throws {
        #if canImport(Glibc)
        socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socketFD = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socketFD)
            throw CocoaError(.fileReadUnknown)
        }
    }

    deinit { close(socketFD) }

    /// Sends every byte; false when the server has closed the connection.
    @discardableResult
    func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                #if canImport(Glibc)
                let sent = Glibc.send(socketFD, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                let sent = Darwin.send(socketFD, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    /// What the server has sent, read until the end of the response's headers, the end of the connection or
    /// the receive timeout (then what came so far; empty when nothing).
    func receiveHead() -> String {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.range(of: Data("\r\n\r\n".utf8)) == nil {
            let count = recv(socketFD, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// True when the server has closed the connection (a read without waiting finds its end).
    var closedByServer: Bool {
        var byte: UInt8 = 0
        let count = recv(socketFD, &byte, 1, Int32(MSG_DONTWAIT))
        return count == 0 || (count < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// True when the server has sent something or closed the connection (looked at without reading it, so that
    /// ``receiveHead()`` still finds the whole answer).
    var serverHasAnswered: Bool {
        var byte: UInt8 = 0
        let count = recv(socketFD, &byte, 1, Int32(MSG_DONTWAIT | MSG_PEEK))
        return count >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
    }

    /// Runs blocking socket work on a thread of its own.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }
}
