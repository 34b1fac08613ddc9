/// The start-up step before any store opens: make sure the data directory exists and remove
/// temp files that a crash left behind (`.tmp-*` from `AtomicFile`, `.dat.nosync*` from
/// Foundation's atomic writes). They are never the live copy of anything: a temp file becomes
/// live only by its rename, so deleting one loses nothing that was acknowledged.
public enum Recovery {
    public struct Report: Sendable, Equatable {
        /// Paths of the temp files removed.
        public var removedTemporaryFiles: [String] = []
        public var createdDataDirectory = false
    }

    public static func prepare(dataDirectory: String,
                               fileSystem: any FileSystem = POSIXFileSystem()) throws(StorageError) -> Report {
        var report = Report()
        if try fileSystem.status(dataDirectory) == nil {
            try fileSystem.ensureDirectory(dataDirectory)
            report.createdDataDirectory = true
            return report
        }
        try removeTemporaryFiles(in: dataDirectory, fileSystem: fileSystem, report: &report)
        return report
    }

    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(AtomicFile.temporaryPrefix) || name.hasPrefix(".dat.nosync")
    }

    private static func removeTemporaryFiles(in directory: String, fileSystem: any FileSystem,
                                             report: inout Report) throws(StorageError) {
        for name in try fileSystem.listDirectory(directory) ?? [] {
            let path = Path.join(directory, name)
            guard let status = try fileSystem.status(path) else { continue }
            if status.isDirectory {
                try removeTemporaryFiles(in: path, fileSystem: fileSystem, report: &report)
            } else if isTemporary(name) {
                try fileSystem.unlink(path)
                report.removedTemporaryFiles.append(path)
            }
        }
    }
}
