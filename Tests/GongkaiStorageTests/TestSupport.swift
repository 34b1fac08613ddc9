import Foundation
import GongkaiDomain
import GongkaiStorage
import GongkaiSync

/// A fresh directory under /tmp, removed when the value is released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        var template = Array("/tmp/gongkai-storage-test-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw StorageError.io(operation: "mkdtemp", path: "/tmp", errno: errno) }
        path = String(cString: made)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }

    /// Names in the directory (hidden ones included).
    func names(_ subdirectory: String? = nil) -> [String] {
        let directory = subdirectory.map { file($0) } ?? path
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    func temporaryFiles() -> [String] { names().filter { $0.hasPrefix(".tmp-") } }

    func bytes(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: file(name)) ?? Data()) }

    func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }

    func write(_ text: String, to name: String) {
        _ = FileManager.default.createFile(atPath: file(name), contents: Data(text.utf8))
    }

    func mode(_ name: String) -> mode_t {
        var info = stat()
        stat(file(name), &info)
        return info.st_mode & 0o777
    }
}

/// A publication record with the given id and 索引号 serial.
func makeRecord(id: String, serial: Int, year: Int = 2025, version: Int = 1,
                title: String = "关于2025年中小企业发展专项资金的公示") -> Record {
    let padded = String(repeating: "0", count: max(0, 5 - String(serial).count)) + String(serial)
    return Record(
        id: id, indexNumber: "GK-GXJ/\(year)-\(padded)", itemId: "12-1", office: "中小企业科", title: title,
        documentNumber: "工信发〔2025〕\(serial)号", summary: "摘要：专项资金/项目名单", body: nil, url: "https://example.gov.cn/a/\(id)",
        formedOn: LocalDate(year: 2025, month: 3, day: 1)!, publishedOn: LocalDate(year: 2025, month: 3, day: 5)!,
        channels: [Channel(name: "政府网站"), Channel(name: "政务新媒体", note: "根据具体情况选择")],
        createdBy: "office-sme", createdAt: "2025-03-05T09:00:00+08:00", updatedAt: "2025-03-05T09:00:00+08:00",
        version: version)
}

/// Runs `body(i)` for i in 0..<count on `count` separate threads at once and waits for all.
func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// A value behind an `NSLock` (a pthread mutex, which ThreadSanitizer understands; a contended
/// `Synchronization.Mutex` on Linux is reported as a race under TSan: see PThreadLock.swift).
/// `@unchecked Sendable` is sound: `value` is only touched inside `withLock`, under the lock.
final class Locked<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// A thread-safe bag for collecting results from threads.
final class Collected<Element: Sendable>: Sendable {
    private let items = Locked<[Element]>([])
    func add(_ item: Element) { items.withLock { $0.append(item) } }
    var all: [Element] { items.withLock { $0 } }
}

func line(_ text: String) -> [UInt8] { Array(text.utf8) }

struct DomainRefusal: Error, Equatable {}
