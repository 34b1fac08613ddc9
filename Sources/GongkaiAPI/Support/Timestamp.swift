import GongkaiDomain

/// ISO 8601 timestamps in China time (+08:00), the zone every user of the register lives in.
enum Timestamp {
    static func iso(_ now: Double) -> String {
        let shifted = now + 8 * 3600
        let whole = Int(shifted.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondOfDay = whole - days * 86_400
        let millis = Int(((shifted - Double(whole)) * 1000).rounded(.down))
        let date = LocalDate(dayNumber: days)
        func pad(_ v: Int, _ w: Int = 2) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(date)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)).\(pad(millis, 3))+08:00"
    }
}
