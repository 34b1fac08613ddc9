import GongkaiDomain

/// What was irregular, before it is tied to a line and an item: a stable code and the two halves
/// of a bilingual message. Codes are part of the API; clients may switch on them.
struct Finding: Sendable, Equatable {
    let code: String
    let zh: String
    let en: String

    /// `第36行（事项 21）：… (line 36, item 21: …)`
    func warning(line: Int, itemId: String?) -> ImportWarning {
        let whereZh = itemId.map { "第\(line)行（事项 \($0)）" } ?? "第\(line)行"
        let whereEn = itemId.map { "line \(line), item \($0)" } ?? "line \(line)"
        return ImportWarning(code: code, itemId: itemId, line: line, message: "\(whereZh)：\(zh) (\(whereEn): \(en))")
    }
}

/// Every warning the importer gives, one constructor per code.
enum Findings {
    // MARK: 序号

    /// `seq_gap`: numbers were skipped (44 in the seed).
    static func seqGap(after previous: Int, at seq: Int) -> Finding {
        let missing = (previous + 1)..<seq
        let list = missing.count <= 10 ? missing.map(String.init).joined(separator: "、") : "\(missing.lowerBound)–\(missing.upperBound - 1)"
        let listEn = missing.count <= 10 ? missing.map(String.init).joined(separator: ", ") : "\(missing.lowerBound)–\(missing.upperBound - 1)"
        return Finding(code: "seq_gap", zh: "序号从 \(previous) 跳到 \(seq)，缺少 \(list)",
                       en: "序号 jumps from \(previous) to \(seq); \(listEn) missing")
    }

    /// `seq_order`: a number repeats or goes backwards.
    static func seqOrder(after previous: Int, at seq: Int) -> Finding {
        Finding(code: "seq_order", zh: "序号 \(seq) 没有接在 \(previous) 之后（重复或倒序），请核对",
                en: "序号 \(seq) does not follow \(previous) (repeated or out of order); please check")
    }

    /// `missing_seq`: a row without 序号 that cannot simply continue the row above.
    static func missingSeqFirst() -> Finding {
        Finding(code: "missing_seq", zh: "表格第一条数据行没有序号，已按序号 0 导入",
                en: "the first data row has no 序号; imported as 序号 0")
    }

    static func missingSeqOwnHeading(joining id: Int) -> Finding {
        Finding(code: "missing_seq", zh: "本行没有序号，却有自己的一级/二级事项；已按规则并入序号 \(id)，请核对是否漏填序号",
                en: "row has no 序号 but its own 一级/二级事项; joined to 序号 \(id) as the rules say, but the number may be missing")
    }

    /// `no_seq_column`: the header has no 序号 column, so rows are numbered in order.
    static func noSeqColumn() -> Finding {
        Finding(code: "no_seq_column", zh: "表头没有“序号”列，已按行的先后顺序编号",
                en: "the header has no 序号 column; rows are numbered in order")
    }

    // MARK: Missing fields

    static func noContent() -> Finding {
        Finding(code: "no_content", zh: "没有公开内容", en: "no 公开内容 (content)")
    }

    static func noMarks() -> Finding {
        Finding(code: "no_marks", zh: "公开对象、公开方式都没有勾选", en: "no 公开对象 or 公开方式 ticked")
    }

    static func noAudience() -> Finding {
        Finding(code: "no_audience", zh: "公开对象没有勾选", en: "no 公开对象 (audience) ticked")
    }

    static func noMethod() -> Finding {
        Finding(code: "no_method", zh: "公开方式没有勾选", en: "no 公开方式 (method) ticked")
    }

    static func noOffice() -> Finding {
        Finding(code: "no_office", zh: "没有公开主体（公开主体不沿用上一行）", en: "no 公开主体 (office); offices are never inherited")
    }

    static func noCategory() -> Finding {
        Finding(code: "no_category", zh: "没有一级事项，上方也没有可沿用的", en: "no 一级事项 and none above to inherit")
    }

    static func noBasis() -> Finding {
        Finding(code: "no_basis", zh: "没有公开依据，上方也没有可沿用的", en: "no 公开依据 and none above to inherit")
    }

    static func noDeadline() -> Finding {
        Finding(code: "no_deadline", zh: "没有公开时限，上方也没有可沿用的", en: "no 公开时限 and none above to inherit")
    }

    static func noChannels(hadCell: Bool) -> Finding {
        hadCell
            ? Finding(code: "no_channels", zh: "公开渠道和载体一项也没有勾选", en: "no 公开渠道和载体 (channel) ticked")
            : Finding(code: "no_channels", zh: "没有公开渠道和载体，上方也没有可沿用的", en: "no 公开渠道和载体 and none above to inherit")
    }

    // MARK: Cells

    /// `unknown_channel`: a channel label outside the catalogue's template and the common ones.
    static func unknownChannel(_ name: String) -> Finding {
        Finding(code: "unknown_channel", zh: "未知的公开渠道“\(name)”（不在本目录的渠道模板中），已按原文保留",
                en: "unknown channel “\(name)” (not in this catalogue's channel template); kept as written")
    }

    /// `unplaced_cell`: a cell that fits no column; its text is only in this warning.
    static func unplacedCell(_ text: String, column: Int?) -> Finding {
        let at = column.map { "第\($0 + 1)列" } ?? ""
        let atEn = column.map { " in column \($0 + 1)" } ?? ""
        return Finding(code: "unplaced_cell", zh: "\(at)的内容“\(TextCleaning.excerpt(text))”无法归入任何一列，未导入",
                       en: "cell “\(TextCleaning.excerpt(text))”\(atEn) fits no column and was not imported")
    }

    /// `unplaced_cell` summary when a row has too many such cells to quote.
    static func moreUnplacedCells(_ count: Int) -> Finding {
        Finding(code: "unplaced_cell", zh: "另有 \(count) 个单元格无法归入任何一列，未导入",
                en: "\(count) more cells fit no column and were not imported")
    }

    /// `unplaced_cell` for tick marks outside the tick columns.
    static func strayMarks(columns: [Int]) -> Finding {
        let list = columns.map { "第\($0 + 1)列" }.joined(separator: "、")
        let listEn = columns.map { "\($0 + 1)" }.joined(separator: ", ")
        return Finding(code: "unplaced_cell", zh: "\(list)的勾选标记对不上公开对象/公开方式列，未导入",
                       en: "tick mark(s) in column(s) \(listEn) match no 公开对象/公开方式 column and were not imported")
    }

    /// `cell_moved`: cells read from another column than their header's, because of what they say.
    static func cellsMoved(_ moves: [(text: String, from: Int, to: String)], markShift: Int) -> Finding {
        var zh = moves.map { "“\(TextCleaning.excerpt($0.text, limit: 12))”在第\($0.from + 1)列，按内容识别为\($0.to)" }
        var en = moves.map { "“\(TextCleaning.excerpt($0.text, limit: 12))” in column \($0.from + 1) read as \($0.to)" }
        if markShift != 0 {
            zh.append("勾选标记\(markShift > 0 ? "右" : "左")移\(abs(markShift))列")
            en.append("tick marks shifted \(abs(markShift)) column(s) \(markShift > 0 ? "right" : "left")")
        }
        return Finding(code: "cell_moved", zh: "本行单元格错位，已按内容归位：" + zh.joined(separator: "；") + "，请核对",
                       en: "cells out of place, placed by content: " + en.joined(separator: "; ") + "; please check")
    }

    /// `marks_shifted`: a whole page's ticks sit off the header's tick columns.
    static func marksShifted(by shift: Int) -> Finding {
        Finding(code: "marks_shifted",
                zh: "本页的勾选标记整体\(shift > 0 ? "右" : "左")移\(abs(shift))列，已按整页对齐读取公开对象、公开方式，请核对",
                en: "this page's tick marks sit \(abs(shift)) column(s) \(shift > 0 ? "right" : "left") of the header; read aligned for the whole page, please check")
    }

    /// `ambiguous_marks`: one cell per line, ticks not one per column, so they cannot be placed.
    static func ambiguousMarks() -> Finding {
        Finding(code: "ambiguous_marks", zh: "每行一格的格式下勾选标记个数与公开对象/公开方式列数不符，无法判断勾的是哪一列，未导入",
                en: "one cell per line: the number of tick marks does not match the tick columns, so which were ticked cannot be told; not imported")
    }

    /// `ignored_line`: a line inside the table that is not a row (notes, stray text).
    static func ignoredLine(_ text: String) -> Finding {
        Finding(code: "ignored_line", zh: "“\(TextCleaning.excerpt(text))”不是表格行，已跳过",
                en: "“\(TextCleaning.excerpt(text))” is not a table row; skipped")
    }

    // MARK: Catalogue

    static func noTitle() -> Finding {
        Finding(code: "no_title", zh: "表格前没有标题行，目录标题和公开单位为空",
                en: "no title line before the table; title and agency left empty")
    }

    static func noItems() -> Finding {
        Finding(code: "no_items", zh: "有表头但没有任何数据行", en: "a header but no data rows")
    }
}
