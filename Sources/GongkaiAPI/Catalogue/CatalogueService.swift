import GongkaiDomain
import GongkaiImport
import GongkaiStorage
import GongkaiSync

/// Holds the current catalogue, persists each change to `catalogue.json` before it becomes
/// visible, and bumps the version on every change.
final class CatalogueService: Sendable {
    private let file: DocumentFile<StoredCatalogue>
    private let current: PThreadLock<CatalogueSnapshot>
    /// Serialises read-modify-write of the catalogue; readers never wait on it.
    private let writer = PThreadLock(())

    /// Loads `catalogue.json`, or imports the embedded seed when the data directory is new.
    init(file: DocumentFile<StoredCatalogue>, now: Double) throws {
        self.file = file
        if let stored = try file.load() {
            current = PThreadLock(CatalogueSnapshot(Self.withRules(stored)))
        } else {
            let seed = try CatalogueImporter.parse(EmbeddedSeedCatalogue.text)
            let stored = Self.withRules(StoredCatalogue(version: 1, updatedAt: Timestamp.iso(now), catalogue: seed))
            try file.save(stored)
            current = PThreadLock(CatalogueSnapshot(stored))
        }
    }

    var snapshot: CatalogueSnapshot { current.withLock { $0 } }

    /// Applies a change atomically: `change` gets the current catalogue and returns the new
    /// one; the file is written (fsync'd) before readers see it.
    @discardableResult
    func update(now: Double, _ change: (Catalogue) throws -> Catalogue) throws -> (before: Int, after: CatalogueSnapshot) {
        try writer.withLock { _ in
            let old = snapshot.stored
            let stored = Self.withRules(StoredCatalogue(version: old.version + 1, updatedAt: Timestamp.iso(now),
                                                        catalogue: try change(old.catalogue)))
            try file.save(stored)
            let next = CatalogueSnapshot(stored)
            current.withLock { $0 = next }
            return (old.version, next)
        }
    }

    /// Fills each item's deadline rule from its 公开时限 text unless an admin set one.
    static func withRules(_ stored: StoredCatalogue) -> StoredCatalogue {
        var stored = stored
        for i in stored.catalogue.items.indices where stored.catalogue.items[i].deadlineRule == nil {
            stored.catalogue.items[i].deadlineRule = DeadlineRuleParser.parse(stored.catalogue.items[i].deadline).rule
        }
        return stored
    }
}
