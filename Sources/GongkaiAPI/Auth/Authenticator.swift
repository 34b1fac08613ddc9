import Foundation
import GongkaiHTTP
import GongkaiStorage

/// Turns `Authorization: Bearer …` into a Caller, slowing down repeated failures.
/// Tokens are compared as SHA-256 digests in constant time by the token store; the secret
/// itself is never logged or kept.
struct Authenticator: Sendable {
    let tokens: TokenStore
    let limiter: FailureLimiter

    func authenticate(_ request: HTTPRequest, now: Double) throws -> Caller {
        let address = request.remoteAddress
        if let wait = limiter.retryAfter(address: address, now: now) {
            throw APIError.tooManyAuthFailures(retryAfterSeconds: wait)
        }
        let header = request.headers["Authorization"] ?? ""
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            limiter.recordFailure(address: address, now: now)
            throw APIError.unauthorized(Message("Authorization 请求头必须是 Bearer <令牌>", "the Authorization header must be Bearer <token>"))
        }
        guard let entry = tokens.authenticate(secret: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            limiter.recordFailure(address: address, now: now)
            throw APIError.unauthorized(Message("令牌无效或已吊销", "the token is unknown or revoked"))
        }
        let role: Caller.Role = entry.role == .admin ? .admin : .office
        return Caller(tokenName: entry.name, role: role, office: entry.office)
    }
}
