#!/usr/bin/env python3
"""Writes DIR/records.jsonl: N synthetic publication records for the benchmark.

Realistic enough to exercise the register the way production will: Chinese titles, 文号 and
summaries, spread over the four offices, the catalogue items each office may post to, and the
years 2019 to today; about 2% pending and 1% withdrawn. Deterministic for a given seed.

One JSON Record per line, compact, sorted keys, UTF-8 unescaped (the store's own encoding).
Usage: gen_records.py --catalogue catalogue.json --count N --out DIR/records.jsonl [--seed S]
"""
import argparse, datetime, json, random

OFFICES = ["办公室", "中小企业科", "工业经济科", "节能管理科"]
ABBREV = {"办公室": "办", "中小企业科": "企", "工业经济科": "经", "节能管理科": "节"}
PLACES = ["安宁市", "昆明市", "云南省", "太平新城", "草铺街道", "连然街道", "县街街道", "禄脿街道", "八街街道", "温泉街道"]
TOPICS = ["中小企业发展专项资金", "工业经济运行", "规模以上工业企业", "节能监察", "绿色制造体系", "淘汰落后产能",
          "民营经济高质量发展", "企业减负", "数字经济", "5G基站建设", "工业互联网", "专精特新企业", "清洁生产审核",
          "重点用能单位", "产业园区", "安全生产", "科技创新平台", "高新技术企业认定", "政府采购", "部门预算",
          "部门决算", "“双随机一公开”抽查", "人大代表建议", "政协提案", "优化营商环境", "招商引资", "新能源电池产业",
          "磷化工产业", "钢铁行业", "工业固体废物综合利用", "节水型企业", "能效领跑者", "信息化建设", "无线电管理"]
KINDS = ["通知", "公告", "公示", "实施方案", "工作方案", "管理办法", "实施细则", "情况报告", "工作总结", "政策解读",
         "意见", "名单", "答复", "进展情况", "统计分析"]
ACTIONS = ["关于印发", "关于开展", "关于做好", "关于公布", "关于申报", "关于征求", "关于推进", "关于组织", "关于加强", "关于"]
PHRASES = ["为深入贯彻落实党中央、国务院决策部署", "根据《中华人民共和国政府信息公开条例》有关规定", "结合我市工作实际",
           "现将有关事项通知如下", "请各相关企业按要求做好申报工作", "进一步优化营商环境", "推动工业经济稳中求进",
           "加快构建现代化产业体系", "切实减轻企业负担", "提升企业创新能力", "全年累计完成工业增加值",
           "同比增长", "经研究决定", "特此公示", "公示期间如有异议", "请于规定时间内反馈意见", "联系电话：0871-68791234",
           "资金已按程序拨付到位", "检查结果已录入监管平台", "整改工作已全部完成"]
DOC_TYPES = [None, None, None, None, "其他", "行政规范性文件", "规章"]


def items_by_office(catalogue):
    """Items each office may post to: those naming it, or naming no configured office."""
    allowed = {o: [] for o in OFFICES}
    for item in catalogue["items"]:
        named = [o for o in OFFICES if o in item["office"]]
        for o in OFFICES:
            if not named or o in named:
                allowed[o].append(item)
    return allowed


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--catalogue", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--agency", default="11530181MB1234567X")
    p.add_argument("--seed", type=int, default=6)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    catalogue = json.load(open(a.catalogue, encoding="utf-8"))
    allowed = items_by_office(catalogue)
    # Today in China (the server's calendar): nothing may be formed or published later.
    today = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()
    start = datetime.date(2019, 1, 1)
    span = (today - start).days
    # Publication days first, then serials per year in publication order (as offices post).
    days = sorted(start + datetime.timedelta(days=rnd.randrange(span + 1)) for _ in range(a.count))
    serial = {}
    with open(a.out, "w", encoding="utf-8") as out:
        for n, day in enumerate(days):
            office = OFFICES[rnd.randrange(len(OFFICES))]
            item = rnd.choice(allowed[office])
            year = day.year
            serial[year] = serial.get(year, 0) + 1
            rid = f"{year}-{serial[year]:05d}"
            topic = rnd.choice(TOPICS)
            place = rnd.choice(PLACES)
            title = f"{rnd.choice(ACTIONS)}{place}{year}年{topic}{rnd.choice(KINDS)}"
            number = f"安工信{ABBREV[office]}〔{year}〕{rnd.randrange(1, 300)}号" if rnd.random() < 0.7 else None
            summary = "，".join(rnd.sample(PHRASES, 3)) + f"。涉及{topic}，{place}共{rnd.randrange(3, 400)}家企业。"
            formed = day - datetime.timedelta(days=rnd.randrange(0, 15))
            pending = rnd.random() < 0.02
            published = None if pending else day.isoformat()
            stamp = f"{day.isoformat()}T{rnd.randrange(8, 18):02d}:{rnd.randrange(60):02d}:{rnd.randrange(60):02d}.000+08:00"
            withdrawn = None
            if not pending and rnd.random() < 0.01:
                withdrawn = {"at": stamp, "by": f"bench-{office}", "reason": "内容有误，已重新发布"}
            record = {
                "body": None,
                "channels": [{"name": c["name"], "note": c.get("note")} for c in item["channels"][:1 + rnd.randrange(len(item["channels"]))]],
                "created_at": stamp, "created_by": f"bench-{office}",
                "document_number": number,
                "document_type": rnd.choice(DOC_TYPES),
                "event_on": None,
                "formed_on": formed.isoformat(),
                "id": rid,
                "index_number": f"{a.agency}/{rid}",
                "item_id": item["id"],
                "office": office,
                "published_on": published,
                "related_record_id": None,
                "repealed_on": None,
                "summary": summary,
                "title": title,
                "updated_at": stamp,
                "url": f"https://www.anning.gov.cn/gxj/{rid}.html" if rnd.random() < 0.5 else None,
                "version": 2 if withdrawn else 1,
                "withdrawn": withdrawn,
            }
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
