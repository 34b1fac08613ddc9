/// Decides which catalogue items an office may post to.
///
/// The rule (issue 3): an office may post to an item whose 公开主体 names it, or names no
/// configured office at all — generic wording such as 各有关科室, 涉及的各科室 or 承办科室
/// leaves the item open to every office.
struct OfficeScope: Sendable {
    let offices: [String]

    func officesNamed(in text: String) -> [String] {
        offices.filter { text.contains($0) }
    }

    func mayPost(office: String, toItemOffice itemOffice: String) -> Bool {
        let named = officesNamed(in: itemOffice)
        return named.isEmpty || named.contains(office)
    }
}
