/// Puts a 公开时限 text into one spelling before parsing: full-width digits and brackets become
/// ASCII, white space goes, and Chinese numerals that count something (二十个工作日, 一个月,
/// 一月三十一日) become digits. Numerals in other words (一级, 统一) are left alone.
enum DeadlineTextNormalizer {
    static func normalize(_ text: String) -> [Character] {
        var chars: [Character] = []
        for c in text {
            if c.isWhitespace { continue }
            if let ascii = fullWidth[c] { chars.append(ascii); continue }
            if let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1,
               (0xFF10...0xFF19).contains(scalar.value) {
                chars.append(Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!))
                continue
            }
            chars.append(c)
        }
        return convertNumerals(chars)
    }

    private static let fullWidth: [Character: Character] = [
        "（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "－": "-", "／": "/",
    ]

    static let digitValues: [Character: Int] = [
        "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
        "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// Units after which a run of Chinese numerals is a count (optionally with 个 between).
    private static let units: [Character] = ["工", "日", "天", "月", "周", "星", "年", "自"]

    private static func convertNumerals(_ chars: [Character]) -> [Character] {
        var out: [Character] = []
        var i = 0
        while i < chars.count {
            guard isNumeral(chars[i]) else { out.append(chars[i]); i += 1; continue }
            var j = i
            while j < chars.count, isNumeral(chars[j]) { j += 1 }
            var k = j
            if k < chars.count, chars[k] == "个" { k += 1 }
            if k < chars.count, units.contains(chars[k]), let value = value(of: chars[i..<j]) {
                out.append(contentsOf: String(value))
            } else {
                out.append(contentsOf: chars[i..<j])
            }
            i = j
        }
        return out
    }

    private static func isNumeral(_ c: Character) -> Bool {
        digitValues[c] != nil || c == "十" || c == "百"
    }

    /// 二十 → 20, 十五 → 15, 三十一 → 31, 一百零五 → 105, 二〇 → 20 (digit by digit).
    static func value(of numeral: ArraySlice<Character>) -> Int? {
        var total = 0
        var current = 0
        var afterDigit = false
        for c in numeral {
            if let d = digitValues[c] {
                current = afterDigit ? current * 10 + d : d
                afterDigit = true
            } else if c == "十" || c == "百" {
                let unit = c == "十" ? 10 : 100
                total += (afterDigit ? current : 1) * unit
                current = 0
                afterDigit = false
            } else {
                return nil
            }
            if total + current > 100_000 { return nil }
        }
        return total + current
    }
}
