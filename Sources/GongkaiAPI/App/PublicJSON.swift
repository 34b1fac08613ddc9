import GongkaiDomain

/// The API's JSON encoding, for the command line (`gongkai import --print`, exports).
public enum PublicJSON {
    public static func encode(_ catalogue: Catalogue, pretty: Bool = true) -> [UInt8] {
        JSONOutput.encode(catalogue, pretty: pretty)
    }
}
