import Foundation
/// CSV (RFC 4180) in UTF-8 with a byte-order mark, which Excel and WPS need to read Chinese
/// text correctly; CRLF line ends; every field quoted when it must be.
enum CSV {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func encode(_ rows: [[String]]) -> [UInt8] {
        var out = bom
        for row in rows {
            out += Array(row.map(field).joined(separator: ",").utf8)
            out += [13, 10]
        }
        return out
    }

    static func field(_ text: String) -> String {
        // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
        var text = text
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) || text != text.trimmingCharacters(in: .whitespaces) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
