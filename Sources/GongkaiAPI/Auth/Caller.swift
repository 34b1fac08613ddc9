/// Who is making a request, as established by its bearer token.
struct Caller: Sendable, Equatable {
    enum Role: String, Sendable { case admin, office }

    var tokenName: String
    var role: Role
    /// The 科室 an office token writes for; nil for admins.
    var office: String?

    var isAdmin: Bool { role == .admin }
}
