import Foundation
import GongkaiStorage
import Logging
@testable import GongkaiAPI

/// A real Gongkai server on 127.0.0.1 with a free port and its own temporary data
/// directory, with one admin token and one office token per configured office.
final class TestServer: Sendable {
    let app: GongkaiApp
    let directory: String
    let client: TestClient
    let adminToken: String
    /// Office name → token.
    let officeTokens: [String: String]

    init(directory: String? = nil, fileSystem: any FileSystem = POSIXFileSystem(),
         configure: (inout ServerConfig) -> Void = { _ in }) throws {
        let dir = directory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("gongkai-test-\(UUID().uuidString)").path
        self.directory = dir
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var config = ServerConfig()
        config.port = 0
        config.dataDirectory = dir
        config.publicDirectory = TestServer.repositoryRoot + "/Public"
        config.threads = 4
        config.accessLog = false
        configure(&config)
        // Fresh token names per start, so a restarted server on the same directory gets its own.
        let tokens = try TokenStore(directory: dir)
        let run = UUID().uuidString.prefix(6)
        adminToken = try tokens.create(name: "admin-\(run)", role: .admin, office: nil)
        var officeTokens: [String: String] = [:]
        for office in config.offices {
            officeTokens[office] = try tokens.create(name: "\(office)-\(run)", role: .office, office: office)
        }
        self.officeTokens = officeTokens
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        app = try GongkaiApp(config: config, logger: logger, fileSystem: fileSystem)
        try app.start()
        client = TestClient(port: app.port)
    }

    deinit { app.stop() }

    func stop() { app.stop() }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }
}
