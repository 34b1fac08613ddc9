import Foundation

/// Dates relative to the real clock in China, so tests stay valid on any day they run.
enum Day {
    static func offset(_ days: Int) -> String {
        let now = Date().timeIntervalSince1970 + 8 * 3600 + Double(days) * 86_400
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 0)
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date(timeIntervalSince1970: now))
    }

    static var today: String { offset(0) }
}

extension TestServer {
    static let smeOffice = "中小企业科"

    /// A valid new record for item 35 (企业减负, 公开主体 中小企业科).
    static func recordBody(_ overrides: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "item_id": "35", "title": "关于减轻企业负担的通知", "formed_on": Day.offset(-3),
            "document_number": "安工信〔2026〕1号", "summary": "减负政策摘要",
        ]
        for (k, v) in overrides { body[k] = v }
        return body
    }

    func post(_ overrides: [String: Any] = [:], office: String = TestServer.smeOffice) throws -> TestResponse {
        try client.json("POST", "/api/v1/records", TestServer.recordBody(overrides), token: officeTokens[office])
    }
}
