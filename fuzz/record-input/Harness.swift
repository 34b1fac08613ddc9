// libFuzzer target: the API's request-body path for records, exactly as
// RequestContext.jsonObject + RecordInput run it (Sources/GongkaiAPI: JSONValue, DuplicateKeyScanner,
// FieldReader, RecordInput, APIError; GongkaiDomain for LocalDate). RequestContext itself needs
// the HTTP layer, so its three steps are repeated here (keep in sync).
// Invariants: no crash or trap; only APIError (or Foundation's parse error, which the API maps
// to 400) is thrown; an accepted creation has a non-empty title of at most 200 characters
// without control characters and a real formed_on date.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    guard !body.contains(0), String(validating: body, as: UTF8.self) != nil else { return 0 }
    guard let value = try? JSONValue.parse(body), case let .object(object) = value else { return 0 }
    do {
        try DuplicateKeyScanner.check(body)
    } catch is APIError {
        return 0
    } catch {
        fatalError("DuplicateKeyScanner threw a non-API error: \(error)")
    }
    for creating in [true, false] {
        do {
            let input = try RecordInput(object, creating: creating)
            if creating {
                guard let title = input.title.value, !title.isEmpty, title.count <= RecordInput.maxTitle,
                      !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                    fatalError("accepted a bad title: \(input.title)")
                }
                guard input.formedOn.value != nil, input.itemId.value != nil else {
                    fatalError("accepted a creation without formed_on or item_id")
                }
            }
        } catch is APIError {
            continue
        } catch {
            fatalError("RecordInput threw a non-API error: \(error)")
        }
    }
    return 0
}
