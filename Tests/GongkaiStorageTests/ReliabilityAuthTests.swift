import Foundation
import Testing
@testable import GongkaiStorage

/// Authentication details behind RELIABILITY.md §6 that only a unit test can see: the digest
/// comparison has no early exit and no length leak, secrets are 256-bit and only hashed, and
/// revocation rewrites the file with the same 0600 mode. (The 429/Retry-After behaviour, the log
/// hygiene and the audit are checked end to end by scripts/checks/auth.sh.)
@Suite struct ReliabilityAuthTests {
    @Test func constantTimeEqualComparesWholeDigestsOnly() {
        let a = TokenStore.digest("gk_one")
        let b = TokenStore.digest("gk_two")
        #expect(TokenStore.constantTimeEqual(a, a))
        #expect(!TokenStore.constantTimeEqual(a, b))
        var firstByte = a, lastByte = a
        firstByte[0] ^= 1
        lastByte[31] ^= 0x80
        #expect(!TokenStore.constantTimeEqual(a, firstByte))
        #expect(!TokenStore.constantTimeEqual(a, lastByte))
        // Anything that is not two 32-byte digests is unequal, even a prefix or an empty array.
        #expect(!TokenStore.constantTimeEqual(Array(a.prefix(16)), Array(a.prefix(16))))
        #expect(!TokenStore.constantTimeEqual([], []))
        #expect(!TokenStore.constantTimeEqual(a + [0], a + [0]))
    }

    @Test func secretsAre256BitRandomAndNeverStored() throws {
        let secrets = (0..<200).map { _ in TokenStore.newSecret() }
        #expect(Set(secrets).count == secrets.count)
        for s in secrets {
            #expect(s.hasPrefix(TokenStore.secretPrefix))
            #expect(s.count == 3 + 43)  // 32 random bytes, base64url without padding
            #expect(s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        }
    }

    @Test func lookalikeSecretsDoNotAuthenticate() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gk-auth-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try TokenStore(directory: dir)
        let secret = try store.create(name: "sme", role: .office, office: "中小企业科")
        #expect(store.authenticate(secret: secret)?.name == "sme")
        for wrong in [String(secret.dropLast()), secret + "x", " " + secret, secret.uppercased(), "",
                      String(secret.dropFirst(3)), TokenStore.hex(TokenStore.digest(secret)),
                      String(repeating: "a", count: 257), secret + String(repeating: "\u{0}", count: 1)] {
            #expect(store.authenticate(secret: wrong) == nil, "\(wrong.prefix(12))…")
        }
        try store.revoke(name: "sme")
        #expect(store.authenticate(secret: secret) == nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/tokens.json")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = try String(contentsOfFile: dir + "/tokens.json", encoding: .utf8)
        #expect(!text.contains(secret))
    }
}
