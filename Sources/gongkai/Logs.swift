import Foundation
import Logging

enum Logs {
    static func bootstrap(level: String) {
        let level = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }

    /// Log output is written straight to fd 2 by StreamLogHandler; nothing is buffered here.
    static func flush() {}
}
