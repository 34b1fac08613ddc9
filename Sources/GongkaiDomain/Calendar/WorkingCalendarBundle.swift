#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a holiday bundle (holidays-cn.json) or a year of it could not be used.
public enum CalendarBundleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not JSON of the expected shape; the decoder's explanation.
    case unreadable(String)
    /// A key under `years` that is not a year (1–9999).
    case badYearKey(String)
    /// The data decoded but some years are wrong.
    case invalid([HolidayYearProblem])

    public var description: String {
        switch self {
        case let .unreadable(why):
            return "节假日数据无法读取：\(why) / holiday data is unreadable: \(why)"
        case let .badYearKey(key):
            return "“\(key)”不是年份 / \"\(key)\" is not a year"
        case let .invalid(problems):
            return problems.map(\.message).joined(separator: "\n")
        }
    }
}

extension WorkingCalendar {
    /// Reads the holidays-cn.json shape: `{"description": …, "years": {"2026": HolidayYear, …}}`,
    /// and checks every year with `HolidayYear.validate(year:)`.
    public static func decodeBundle(_ data: [UInt8]) throws -> WorkingCalendar {
        struct Bundle: Decodable { var years: [String: HolidayYear] }
        let bundle: Bundle
        do {
            bundle = try JSONDecoder().decode(Bundle.self, from: Data(data))
        } catch {
            throw CalendarBundleError.unreadable(String(describing: error))
        }
        var years: [Int: HolidayYear] = [:]
        var problems: [HolidayYearProblem] = []
        for key in bundle.years.keys.sorted() {
            guard key.utf8.count == 4, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let year = Int(key), year >= 1 else {
                throw CalendarBundleError.badYearKey(key)
            }
            let data = bundle.years[key]!
            problems += data.validate(year: year)
            years[year] = data
        }
        guard problems.isEmpty else { throw CalendarBundleError.invalid(problems) }
        return WorkingCalendar(years: years)
    }
}
