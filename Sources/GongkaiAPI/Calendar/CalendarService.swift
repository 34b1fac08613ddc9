import Foundation
import GongkaiDomain
import GongkaiStorage
import GongkaiSync

/// The working-day calendar: the bundled 国务院办公厅 notices for 2020–2026, overridden or
/// extended by `calendar/<year>.json` files in the data directory (written by the API or by
/// an administrator's own hand).
final class CalendarService: Sendable {
    private let directory: String
    private let fileSystem: any FileSystem
    /// The calendar and a version bumped on every change: remembered deadlines
    /// (`RecordViewCache`) are valid for one version only.
    private let calendar: PThreadLock<(calendar: WorkingCalendar, version: Int)>
    private let writer = PThreadLock(())

    init(dataDirectory: String, fileSystem: any FileSystem) throws {
        directory = dataDirectory + "/calendar"
        self.fileSystem = fileSystem
        var calendar = try WorkingCalendar.decodeBundle(Array(EmbeddedHolidayCalendar.text.utf8))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] {
            guard name.hasSuffix(".json"), let year = Int(name.dropLast(5)), (1900...9999).contains(year) else { continue }
            guard let stored = try DocumentFile<HolidayYear>(path: "\(directory)/\(name)", fileSystem: fileSystem).load() else { continue }
            let problems = stored.validate(year: year)
            guard problems.isEmpty else {
                throw StorageError.corrupt(path: "\(directory)/\(name)", line: nil, reason: problems.map(\.description).joined(separator: "; "))
            }
            calendar = calendar.replacing(year: year, with: stored)
        }
        self.calendar = PThreadLock((calendar, 0))
    }

    var current: WorkingCalendar { calendar.withLock { $0.calendar } }

    /// The current calendar with its version, read together.
    var versioned: (calendar: WorkingCalendar, version: Int) { calendar.withLock { $0 } }

    func year(_ year: Int) -> HolidayYear? { current.years[year] }

    /// Stores a year's calendar durably, then makes it the one deadlines are computed with.
    func put(year: Int, _ data: HolidayYear) throws {
        try writer.withLock { _ in
            // 0750 and the parent fsync'd: a new directory entry must be as durable as the file in it.
            try fileSystem.ensureDirectory(directory)
            try DocumentFile<HolidayYear>(path: "\(directory)/\(year).json", fileSystem: fileSystem).save(data)
            calendar.withLock { $0 = ($0.calendar.replacing(year: year, with: data), $0.version + 1) }
        }
    }
}
