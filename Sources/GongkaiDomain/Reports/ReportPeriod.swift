/// Which year a record counts towards in reports: the year it was published, or for a
/// record not yet published the year its deadline falls due (else the year it was formed).
public enum ReportPeriod {
    public static func year(of record: Record, dueOn: LocalDate?) -> Int {
        (record.publishedOn ?? dueOn ?? record.formedOn).year
    }
}
