import Foundation
import GongkaiDomain
import GongkaiHTTP
import GongkaiStorage
import Logging

/// The whole server: storage opened, catalogue loaded, HTTP daemon ready. Used by the
/// `gongkai serve` command and by end-to-end tests, which start it on port 0.
public final class GongkaiApp: Sendable {
    public let config: ServerConfig
    let services: Services
    private let server: HTTPServer

    /// Opens the data directory (creating it, and the seed catalogue, when new). Damaged
    /// files stop the start with an error naming them.
    public init(config: ServerConfig, logger: Logger, fileSystem: any FileSystem = POSIXFileSystem()) throws {
        try config.validate()
        self.config = config
        let data = config.dataDirectory
        // Every storage call goes through one timing wrapper, for the /metrics histograms.
        let storageMetrics = StorageMetrics()
        let fileSystem = InstrumentedFileSystem(wrapping: fileSystem, metrics: storageMetrics)
        _ = try Recovery.prepare(dataDirectory: data, fileSystem: fileSystem)
        let now = Date().timeIntervalSince1970
        let catalogue = try CatalogueService(file: DocumentFile(path: data + "/catalogue.json", fileSystem: fileSystem), now: now)
        // The audit log first: record lines carry their audit entries and hand them to it.
        let audit = try AuditLog(directory: data, fileSystem: fileSystem)
        let records = RecordService(store: try RecordStore(directory: data, fileSystem: fileSystem, audit: audit),
                                    agencyCode: config.agencyCode)
        let services = Services(
            config: config, catalogue: catalogue, records: records,
            tokens: try TokenStore(directory: data, fileSystem: fileSystem),
            audit: audit,
            calendar: try CalendarService(dataDirectory: data, fileSystem: fileSystem),
            reports: ReportSettings(dataDirectory: data, fileSystem: fileSystem),
            staticFiles: StaticFiles(directory: config.publicDirectory), logger: logger, storageMetrics: storageMetrics)
        self.services = services
        let http = HTTPServerConfiguration(
            host: config.host, port: UInt16(config.port), threads: config.threads,
            maxConnections: config.maxConnections, perIPConnections: config.perIPConnections,
            connectionTimeoutSeconds: config.connectionTimeoutSeconds, maxBodyBytes: config.maxBodyBytes)
        server = HTTPServer(configuration: http, handler: APIHandler(services: services))
        // Loading the register parses the whole log on several threads; glibc keeps the freed
        // parse buffers in its arenas. Hand them back, or they stay in RSS for good (issue 6).
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
        logger.info("opened data directory", metadata: [
            "data_dir": .string(data), "records": .stringConvertible(records.index.read { $0.count }),
            "catalogue_version": .stringConvertible(catalogue.snapshot.version),
            "static_files": .stringConvertible(services.staticFiles.files.count),
        ])
    }

    public func start() throws {
        try server.start()
        services.logger.info("listening", metadata: ["host": .string(config.host), "port": .stringConvertible(server.port)])
    }

    /// The bound port (useful when the configuration asked for 0).
    public var port: UInt16 { server.port }

    /// Stops accepting, lets in-flight requests finish, then closes storage.
    public func stop() {
        server.stop()
        services.accessLog?.stop()
        services.logger.info("stopped")
    }
}

#if os(Linux)
/// glibc's malloc_trim(3) (declared in malloc.h, which the Glibc module does not import).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
