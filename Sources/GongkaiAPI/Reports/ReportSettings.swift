import Foundation
import GongkaiStorage

/// Figures of the annual report that no record can supply, entered by an administrator:
/// `reports/annual-<year>.json`.
final class ReportSettings: Sendable {
    struct AnnualInputs: Codable, Sendable {
        var feesWanYuan: Double?

        enum CodingKeys: String, CodingKey { case feesWanYuan = "fees_wan_yuan" }
    }

    private let directory: String
    private let fileSystem: any FileSystem

    init(dataDirectory: String, fileSystem: any FileSystem) {
        directory = dataDirectory + "/reports"
        self.fileSystem = fileSystem
    }

    private func file(_ year: Int) -> DocumentFile<AnnualInputs> {
        DocumentFile(path: "\(directory)/annual-\(year).json", fileSystem: fileSystem)
    }

    func fees(year: Int) -> Double? { (try? file(year).load())??.feesWanYuan }

    func setFees(year: Int, amount: Double) throws {
        // 0750 and the parent fsync'd: a new directory entry must be as durable as the file in it.
        try fileSystem.ensureDirectory(directory)
        try file(year).save(AnnualInputs(feesWanYuan: amount))
    }
}
