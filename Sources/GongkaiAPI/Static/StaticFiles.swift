import Foundation
import GongkaiHTTP

/// The `Public/` folder, read once at start-up into memory.
///
/// Requests only look paths up in this map, so no request path ever reaches the file system:
/// `..`, encoded slashes and symlinks out of the folder cannot serve anything else.
struct StaticFiles: Sendable {
    struct File: Sendable {
        let body: [UInt8]
        let gzip: [UInt8]?
        let contentType: String
        let etag: String
    }

    private(set) var files: [String: File] = [:]

    init(directory: String) {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return }
        for case let url as URL in walker {
            let real = url.resolvingSymlinksInPath()
            // A symlink leading out of Public/ is skipped, never followed.
            guard real.path.hasPrefix(root.path + "/"),
                  (try? real.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = FileManager.default.contents(atPath: real.path) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count))
            let body = Array(data)
            let type = Self.contentType(forExtension: url.pathExtension.lowercased())
            let compressible = type.hasPrefix("text/") || type.contains("json") || type.contains("javascript") || type.contains("svg")
            let gzip = compressible ? Gzip.compress(body).flatMap { $0.count < body.count ? $0 : nil } : nil
            files[relative] = File(body: body, gzip: gzip, contentType: type, etag: ContentHash.etag(body))
        }
    }

    /// The file for a request path; `/` and folder paths mean their index.html.
    func file(for path: String) -> File? {
        if path.hasSuffix("/") { return files[path + "index.html"] }
        return files[path] ?? files[path + "/index.html"]
    }

    static func contentType(forExtension ext: String) -> String {
        switch ext {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "ico": "image/x-icon"
        case "webp": "image/webp"
        case "woff2": "font/woff2"
        case "txt": "text/plain; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "pdf": "application/pdf"
        default: "application/octet-stream"
        }
    }
}

enum StaticHandlers {
    static func serve(_ ctx: RequestContext) throws -> HTTPResponse {
        guard let file = ctx.services.staticFiles.file(for: ctx.request.path) else {
            throw APIError.notFound(Message("没有这个页面：\(ctx.request.path)", "no such page: \(ctx.request.path)"))
        }
        var headers = HTTPHeaders()
        headers.add("Content-Type", file.contentType)
        headers.add("ETag", file.etag)
        headers.add("Cache-Control", "public, max-age=300")
        headers.add("Vary", "Accept-Encoding")
        if file.contentType.hasPrefix("text/html") {
            headers.add("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'")
            headers.add("Referrer-Policy", "same-origin")
        }
        var body = file.body
        if let gzip = file.gzip, Negotiation.acceptsGzip(ctx.request.headers["Accept-Encoding"]) {
            body = gzip
            headers.add("Content-Encoding", "gzip")
        }
        return HTTPResponse(status: 200, headers: headers, body: body)
    }
}
