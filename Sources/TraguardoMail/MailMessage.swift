import Foundation

/// A plain-text e-mail in UTF-8: sender, recipients, subject and body, and its encoded form (RFC 5322 headers
/// with RFC 2047 words for the subject and names, a quoted-printable body).
public struct MailMessage: Sendable, Hashable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var subject: String
    public var body: String

    public init(from: MailAddress, to: [MailAddress], subject: String, body: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
    }

    /// The message as sent after `DATA` (before dot-stuffing), lines ending in CRLF.
    public func encoded(date: Date, messageID: String) -> String {
        let headers = [
            "Date: \(Self.rfc5322Date(date))",
            "From: \(from.headerValue)",
            "To: \(to.map(\.headerValue).joined(separator: ",\r\n "))",
            "Subject: \(HeaderEncoding.encode(subject))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "Auto-Submitted: auto-generated",
        ]
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(body) + "\r\n"
    }

    /// `Sun, 06 Dec 2026 15:30:00 +0000`.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// RFC 5321 §4.5.2: a line of the data that starts with "." gets one more, so that no line of the message
    /// can be taken for the end of the data; the data ends with CRLF . CRLF.
    static func dotStuffed(_ data: String) -> String {
        let lines = data.components(separatedBy: "\r\n")
        let stuffed = lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
        return (stuffed.hasSuffix("\r\n") ? stuffed : stuffed + "\r\n") + ".\r\n"
    }
}
