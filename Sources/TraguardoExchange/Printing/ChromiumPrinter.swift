import Foundation
import TraguardoSpreadsheet

/// Prints an HTML document to PDF, or its first screen to PNG, with headless Chromium (`--print-to-pdf`).
///
/// The program is looked for in `TRAGUARDO_CHROMIUM`, then as `chromium`, `chromium-browser`,
/// `google-chrome` or `google-chrome-stable` on the `PATH`. The HTML is written to a private temporary
/// folder, printed from there with no network and no profile of the user's, and the result is moved into
/// place only when Chromium has written a whole PDF: a failure never leaves half a file behind.
public struct ChromiumPrinter: Sendable {
    /// The Chromium executable found.
    public var executable: URL
    /// How long a print may take before it is stopped.
    public var timeout: TimeInterval

    public static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    public init(executable: URL, timeout: TimeInterval = 120) {
        self.executable = executable
        self.timeout = timeout
    }

    /// The printer with the Chromium of this machine, or the Italian error naming what to install.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PrintingError) -> ChromiumPrinter {
        let manager = FileManager.default
        if let path = environment["TRAGUARDO_CHROMIUM"], !path.isEmpty {
            guard manager.isExecutableFile(atPath: path) else { throw .chromiumNotExecutable(path) }
            return ChromiumPrinter(executable: URL(fileURLWithPath: path))
        }
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            for folder in folders {
                let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
                if manager.isExecutableFile(atPath: path) { return ChromiumPrinter(executable: URL(fileURLWithPath: path)) }
            }
        }
        throw .chromiumMissing
    }

    /// Writes `html` as an A4 PDF (the page size, margins, running headers and page numbers come from the
    /// document's own print CSS) to `destination`.
    public func pdf(html: String, to destination: URL) throws(PrintingError) {
        try render(html: html, to: destination, kind: .pdf)
    }

    /// Writes the first `width`×`height` pixels of `html`, as a browser window shows it, to a PNG file.
    public func screenshot(html: String, to destination: URL, width: Int = 1240, height: Int = 1754) throws(PrintingError) {
        try render(html: html, to: destination, kind: .png(width: width, height: height))
    }

    enum Kind {
        case pdf
        case png(width: Int, height: Int)

        var fileExtension: String {
            switch self {
            case .pdf: "pdf"
            case .png: "png"
            }
        }

        /// The first bytes every file of the kind starts with.
        var signature: [UInt8] {
            switch self {
            case .pdf: Array("%PDF".utf8)
            case .png: [0x89, 0x50, 0x4E, 0x47]
            }
        }
    }

    func render(html: String, to destination: URL, kind: Kind) throws(PrintingError) {
        let manager = FileManager.default
        let work = manager.temporaryDirectory.appendingPathComponent("traguardo-stampa-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: work) }
        let page = work.appendingPathComponent("documento.html")
        let result = work.appendingPathComponent("risultato.\(kind.fileExtension)")
        do {
            try manager.createDirectory(at: work.appendingPathComponent("profilo"), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw .cannotWrite(work.path, error.localizedDescription)
        }
        var arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--user-data-dir=\(work.appendingPathComponent("profilo").path)",
        ]
        switch kind {
        case .pdf:
            arguments += ["--no-pdf-header-footer", "--print-to-pdf=\(result.path)"]
        case .png(let width, let height):
            arguments += ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=\(result.path)"]
        }
        arguments.append(page.absoluteString)
        let run = try ProgramRun.run(executable, arguments: arguments, timeout: timeout)
        let data = manager.contents(atPath: result.path) ?? Data()
        guard data.count > kind.signature.count, Array(data.prefix(kind.signature.count)) == kind.signature else {
            throw .chromiumFailed(status: run.status, timedOut: run.timedOut, message: run.lastLines)
        }
        do {
            try OutputFile.write(data, to: destination)
        } catch {
            throw .cannotWrite(destination.path, error.message)
        }
    }
}
