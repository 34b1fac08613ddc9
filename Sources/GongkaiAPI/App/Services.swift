import Glibc
import GongkaiDomain
import GongkaiStorage
import Logging
import Synchronization

/// The long-lived parts every handler uses, created once at start-up.
final class Services: Sendable {
    let config: ServerConfig
    let catalogue: CatalogueService
    let records: RecordService
    let authenticator: Authenticator
    let tokens: TokenStore
    let audit: AuditLog
    let calendar: CalendarService
    let reports: ReportSettings
    let staticFiles: StaticFiles
    let scope: OfficeScope
    let logger: Logger
    let metrics: Metrics
    /// Deadlines and encoded record views remembered between reads.
    let recordViews = RecordViewCache()
    /// Encoded record list answers, for as long as nothing they show has changed. Off (size 0)
    /// only when GONGKAI_BENCH_NO_PAGE_CACHE=1, for bench/ to measure every list computed.
    let recordPages = RecordPageCache(capacityBytes: getenv("GONGKAI_BENCH_NO_PAGE_CACHE").map { String(cString: $0) } == "1" ? 0 : 4 << 20)
    /// The buffered access log; nil when `access_log` is off or the log level is above info.
    let accessLog: AccessLog?

    init(config: ServerConfig, catalogue: CatalogueService, records: RecordService, tokens: TokenStore,
         audit: AuditLog, calendar: CalendarService, reports: ReportSettings, staticFiles: StaticFiles, logger: Logger,
         storageMetrics: StorageMetrics = StorageMetrics()) {
        self.config = config
        self.catalogue = catalogue
        self.records = records
        self.tokens = tokens
        authenticator = Authenticator(tokens: tokens, limiter: FailureLimiter())
        self.audit = audit
        self.calendar = calendar
        self.reports = reports
        self.staticFiles = staticFiles
        scope = OfficeScope(offices: config.offices)
        self.logger = logger
        accessLog = config.accessLog && logger.logLevel <= .info ? AccessLog() : nil
        metrics = Metrics(storage: storageMetrics)
    }

    func presenter(today: LocalDate) -> RecordPresenter {
        let records = self.records
        let (calendar, version) = self.calendar.versioned
        return RecordPresenter(catalogue: catalogue.snapshot, calendar: calendar, today: today,
                               lookup: { records.record(id: $0) }, cache: recordViews, calendarVersion: version)
    }

    /// Writes an audit entry naming the token, after the change it describes is durable.
    /// Not for records: their entries are stored in the record's own line (`RecordService`).
    ///
    /// The change is already on disk when this runs, so a failure here must not be reported to
    /// the client as "nothing was saved" (a retry would create a duplicate with a new 索引号).
    /// It is logged as critical with the entry itself, and counted in /metrics instead.
    func recordAudit(_ caller: Caller, action: String, target: String, before: Int?, after: Int?,
                     detail: String? = nil, now: Double) {
        let entry = AuditEntry(at: Timestamp.iso(now), token: caller.tokenName, role: caller.role.rawValue,
                               action: action, target: target, beforeVersion: before, afterVersion: after,
                               detail: detail)
        do {
            try audit.append(entry)
        } catch {
            metrics.countAuditFailure()
            logger.critical("audit entry not written; the change itself is stored", metadata: [
                "action": .string(action), "target": .string(target), "token": .string(caller.tokenName),
                "error": .string(String(describing: error)),
            ])
        }
    }
}
