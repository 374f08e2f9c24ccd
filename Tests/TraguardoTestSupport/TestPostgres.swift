import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The PostgreSQL server the tests use: the one named by `TRAGUARDO_TEST_POSTGRES`, or one this
/// process starts itself (initdb and pg_ctl in a temporary folder, as a non-root user, on a free
/// loopback port) and stops when it exits.
///
/// When no server can be had, tests on PostgreSQL are skipped with the reason, except under
/// `CI=true`, where that is a failure (`TestEnvironment.missing`).
public enum TestPostgres {
    /// The environment variable naming an existing server (`postgres://user@host:port/db`).
    public static let environmentVariable = "TRAGUARDO_TEST_POSTGRES"

    public enum Availability: Sendable {
        /// A server that accepts connections, and the URL of its administrative database.
        case running(adminURL: String)
        /// No server; the reason, in Italian.
        case unavailable(String)
    }

    public static let availability: Availability = {
        // The whole suite runs in parallel on a machine of two cores, and tests that wait on programs hold
        // threads of the concurrency pool: opening may wait longer than the 10 seconds a user gets.
        setenv("TRAGUARDO_ATTESA_CONNESSIONE", "90", 0)
        let environment = ProcessInfo.processInfo.environment
        if let url = environment[environmentVariable], !url.isEmpty {
            return .running(adminURL: url)
        }
        do {
            return .running(adminURL: try LocalServer.start())
        } catch {
            return .unavailable("\(error)")
        }
    }()
}

/// A throw-away server in a temporary folder.
enum LocalServer {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The data folder and pg_ctl of the running server, for the exit handler.
    nonisolated(unsafe) static var running: (pgCtl: String, dataDirectory: String, runAs: String?)?

    static func start() throws -> String {
        guard let binaries = findBinaries() else {
            throw Failure(description:
                "PostgreSQL non trovato (né initdb in /usr/lib/postgresql/*/bin né nel PATH): installarlo "
                + "(apt-get install -y postgresql) o indicare un server con \(TestPostgres.environmentVariable)")
        }
        let runAs: String? = getuid() == 0 ? "postgres" : nil
        let base = FileManager.default.temporaryDirectory
            .appendingPathComponent("traguardo-pg-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        let data = base.appendingPathComponent("data").path
        let log = base.appendingPathComponent("server.log").path
        if let runAs {
            try run("/bin/chown", [runAs, base.path])
            try run("/bin/chmod", ["700", base.path])
        }
        try run(binaries.initdb, ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                as: runAs)
        let port = try freePort()
        let options = "-p \(port) -k \(base.path) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=500"
        try run(binaries.pgCtl, ["-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start"], as: runAs)
        running = (binaries.pgCtl, data, runAs)
        atexit {
            guard let server = LocalServer.running else { return }
            try? LocalServer.run(server.pgCtl, ["-D", server.dataDirectory, "-m", "immediate", "stop"], as: server.runAs)
            let base = (server.dataDirectory as NSString).deletingLastPathComponent
            try? FileManager.default.removeItem(atPath: base)
        }
        return "postgres://postgres@127.0.0.1:\(port)/postgres"
    }

    private static func findBinaries() -> (initdb: String, pgCtl: String)? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        var folders = versions.map { "\(root)/\($0)/bin" }
        folders += (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in folders {
            let initdb = "\(folder)/initdb", pgCtl = "\(folder)/pg_ctl"
            if FileManager.default.isExecutableFile(atPath: initdb), FileManager.default.isExecutableFile(atPath: pgCtl) {
                return (initdb, pgCtl)
            }
        }
        return nil
    }

    /// Runs a program and waits for it with posix_spawn and waitpid. Foundation's `Process` is not
    /// used here: it notices the end of a child through a descriptor that the server started by
    /// pg_ctl inherits and keeps open, so `waitUntilExit` would never return.
    static func run(_ program: String, _ arguments: [String], as user: String? = nil) throws {
        let argv = user.map { ["/usr/sbin/runuser", "-u", $0, "--", program] + arguments } ?? [program] + arguments
        let transcript = FileManager.default.temporaryDirectory
            .appendingPathComponent("traguardo-pg-output-\(UUID().uuidString.prefix(8)).txt").path
        defer { try? FileManager.default.removeItem(atPath: transcript) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, transcript, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The server must not keep the tests' own descriptors (pipes of other commands) open.
        for descriptor: Int32 in 3..<4096 where fcntl(descriptor, F_GETFD) != -1 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        let cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, environ)
        guard spawned == 0 else {
            throw Failure(description: "impossibile avviare \(argv[0]): errore \(spawned)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        if !exited || code != 0 {
            let text = (try? String(contentsOfFile: transcript, encoding: .utf8)) ?? ""
            throw Failure(description: "\(argv.joined(separator: " ")) è terminato con \(code): \(text)")
        }
    }

    /// A loopback port nobody listens on now.
    private static func freePort() throws -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { throw Failure(description: "socket() non riuscito") }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) }
        }
        guard bound == 0 else { throw Failure(description: "bind() non riuscito") }
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard named == 0 else { throw Failure(description: "getsockname() non riuscito") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
