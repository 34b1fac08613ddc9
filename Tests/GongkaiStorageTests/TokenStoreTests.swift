import Crypto
import Foundation
import GongkaiStorage
import Testing

@Suite struct TokenStoreTests {
    @Test func onlyTheHashIsStoredInAFileOnlyTheOwnerCanRead() throws {
        let dir = try TemporaryDirectory()
        let store = try TokenStore(directory: dir.path)
        let secret = try store.create(name: "sme", role: .office, office: "中小企业科")
        #expect(secret.hasPrefix("gk_"))
        #expect(secret.count == 3 + 43)
        let text = dir.text("tokens.json")
        let hex = SHA256.hash(data: Array(secret.utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(text.contains(hex))
        #expect(!text.contains(secret))
        #expect(!text.contains(String(secret.dropFirst(3))))
        #expect(dir.mode("tokens.json") == 0o600)
    }

    @Test func theSecretAuthenticatesAndAWrongOneDoesNot() throws {
        let dir = try TemporaryDirectory()
        let store = try TokenStore(directory: dir.path)
        let admin = try store.create(name: "admin", role: .admin, office: nil)
        let office = try store.create(name: "sme", role: .office, office: "中小企业科")
        #expect(store.authenticate(secret: admin)?.role == .admin)
        #expect(store.authenticate(secret: office)?.office == "中小企业科")
        #expect(store.authenticate(secret: admin + "x") == nil)
        #expect(store.authenticate(secret: "") == nil)
        #expect(admin != office)
    }

    @Test func aDuplicateActiveNameIsRefused() throws {
        let dir = try TemporaryDirectory()
        let store = try TokenStore(directory: dir.path)
        _ = try store.create(name: "sme", role: .office, office: "中小企业科")
        #expect(throws: StorageError.self) { try store.create(name: "sme", role: .admin, office: nil) }
        #expect(throws: StorageError.self) { try store.create(name: "nooffice", role: .office, office: nil) }
        #expect(throws: StorageError.self) { try store.create(name: "has space", role: .admin, office: nil) }
    }

    @Test func aRevokedTokenStopsWorkingAndItsNameCanBeReused() throws {
        let dir = try TemporaryDirectory()
        let store = try TokenStore(directory: dir.path)
        let secret = try store.create(name: "sme", role: .office, office: "中小企业科")
        try store.revoke(name: "sme")
        #expect(store.authenticate(secret: secret) == nil)
        #expect(store.list().first?.revokedAt != nil)
        #expect(throws: StorageError.self) { try store.revoke(name: "sme") }
        let again = try store.create(name: "sme", role: .office, office: "中小企业科")
        #expect(store.authenticate(secret: again)?.name == "sme")
        #expect(store.list().count == 2)
    }

    @Test func aTokenCreatedByAnotherProcessIsAcceptedWithoutRestart() throws {
        let dir = try TemporaryDirectory()
        let server = try TokenStore(directory: dir.path)
        let cli = try TokenStore(directory: dir.path)
        let secret = try cli.create(name: "late", role: .admin, office: nil)
        #expect(server.authenticate(secret: secret)?.name == "late")
        #expect(server.list().map(\.name) == ["late"])
    }

    @Test func aDamagedTokenFileStopsTheStart() throws {
        let dir = try TemporaryDirectory()
        dir.write(#"{"tokens":[{"name":"x","role":"admin","office":null,"sha256":"zz","created_at":"t","revoked_at":null}]}"#,
                  to: "tokens.json")
        #expect(throws: StorageError.self) { try TokenStore(directory: dir.path) }
    }

    @Test func theFirstTokenCanBeCreatedBeforeTheDataDirectoryExists() throws {
        let dir = try TemporaryDirectory()
        let store = try TokenStore(directory: dir.file("data"))
        #expect(store.list().isEmpty)
        let secret = try store.create(name: "admin", role: .admin, office: nil)
        #expect(store.authenticate(secret: secret)?.name == "admin")
        #expect(dir.names("data") == ["tokens.json"])
    }
}
