#!/usr/bin/env python3
"""Tests of tools/build_code_catalog.py on line shapes copied from `pdftotext -layout` output of
the disclosures in ../shared/real (file and line given with each), and on the catalogue rules.

    python3 -m unittest tools/test_build_code_catalog.py
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_code_catalog as bcc  # noqa: E402


def rows_of(line):
    """(code, name, well_formed) of one line read on its own."""
    return [(r.code, r.name, r.well_formed) for r in bcc.LineParser().parse(line)]


def page_rows(lines):
    """(code, name, well_formed, joined) of a page's rows, in order."""
    return [(r.code, r.name, r.well_formed, r.joined) for r in bcc.parse_page(lines)]


class LineShapes(unittest.TestCase):
    def test_seven_digit_code_and_name(self):
        # 江苏省人大办公厅 2017, line 365
        self.assertEqual(rows_of(" 2010108        代表工作        428.36"), [("2010108", "代表工作", True)])

    def test_split_code_three_columns(self):
        # 普陀区商务委员会 2025, line 172
        self.assertEqual(rows_of("201   13   50   事业运行                 2,901,820.00    2,901,820.00"),
                         [("2011350", "事业运行", True)])

    def test_split_code_without_leading_zero(self):
        # 普陀区万里街道 2024, line 720 (Excel number cells)
        self.assertEqual(rows_of(" 301   2     津贴补贴                     16,623,810   16,623,810            0"),
                         [("30102", "津贴补贴", True)])

    def test_bracketed_codes(self):
        # 广州市卫生健康委员会 2026, lines 547 and 593
        self.assertEqual(rows_of("  [2101704]中医（民族医）药专项           2,443.00                   0.00           2,443.00"),
                         [("2101704", "中医(民族医)药专项", True)])
        self.assertEqual(rows_of(" [30201]办公费                                                   235.07"),
                         [("30201", "办公费", True)])

    def test_fused_code_and_name(self):
        # 部门决算模板 (template_dept_final_attachment2), line 312
        self.assertEqual(rows_of("                             31001房屋建筑物购建"), [("31001", "房屋建筑物购建", True)])

    def test_three_hyphen_blocks_on_one_line(self):
        # 北京市教育委员会 2026 报表, line 61: 功能分类 | 政府经济分类 | 部门经济分类
        line = "2050101-行政运行         50201-办公经费          30201-办公费                      65.400000       65.400000"
        self.assertEqual(rows_of(line), [("2050101", "行政运行", True), ("50201", "办公经费", True),
                                         ("30201", "办公费", True)])

    def test_hyphen_block_one_space_after_a_name(self):
        # 北京市水务局 2026: the next block follows the name after a single space
        line = "2080506-机关事业单位职业年金缴费支出 50102-社会保障缴费    30109-职业年金缴费            14,404.442712    14,404.442712"
        self.assertEqual([r[:2] for r in rows_of(line)], [("2080506", "机关事业单位职业年金缴费支出"),
                                                         ("50102", "社会保障缴费"), ("30109", "职业年金缴费")])

    def test_split_code_without_name_then_named_block(self):
        # 烟台市交通运输局 2026, line 873: 30108's name is printed above and below its line
        parser = bcc.LineParser()
        line = "301   08                  501   02   社会保障缴费          142.33      142.33       142.33"
        self.assertEqual([(r.code, r.name) for r in parser.parse(line)], [("50102", "社会保障缴费")])
        self.assertEqual(parser.first_code, "30108")

    def test_row_number_before_code(self):
        # 西安市交通运输局, line 642: 序号 9, then the code
        self.assertEqual(rows_of(" 9            2080505   机关事业单位基本养老保险缴费支出    1257.33          1257.33"),
                         [("2080505", "机关事业单位基本养老保险缴费支出", True)])

    def test_prose_and_numbers_that_are_not_codes(self):
        for line in [
            "  2026 年财政拨款“三公”经费预算 1328.22 万元，比",                 # 北京市交通委员会, a year
            "100 万元以上的设备 0 台（套）。",                                    # x00 is no 类
            "                                                     103号）、《关",  # 工业和信息化局, a document number
            "        项目名称                              12328电话运行维护费",   # a hotline number mid-line
            "      154005   西安市行政争议预防调处中心          3,968,713.38    3,968,713.38",  # 6-digit unit code
            "                                 成本指标    总成本指标    项目总成本          ≤     230   万元",
        ]:
            self.assertEqual(rows_of(line), [], line)

    def test_letter_spaced_name_is_joined(self):
        # 普陀区财政局 2024, line 442: name cut by wrapping; read as a name, judged by the page
        self.assertEqual(rows_of("                                    302         其 他 商 品 和 服 务 支"),
                         [("302", "其他商品和服务支", True)])

    def test_name_joined_with_a_neighbouring_wrap_is_doubtful(self):
        # 北京市水务局 2026, line 261: 助 is the wrapped end of the cell above, 护 follows later
        self.assertEqual(rows_of("2130306-水利工程运行与维 助"), [("2130306", "水利工程运行与维助", False)])

    def test_glued_amount_is_split_off_and_not_well_formed(self):
        # constructed from 江苏省人大办公厅 2017 line 365 with the gap removed
        self.assertEqual(rows_of(" 2010108        代表工作428.36"), [("2010108", "代表工作", False)])


class PageShapes(unittest.TestCase):
    def test_split_table_rows_with_blank_upper_parts(self):
        # 烟台市交通运输局 2026, lines 256-266: 类 row, then 款 and 项 printed alone
        lines = [
            "205             教育支出                 63.55        63.55        63.55",
            "",
            "      08         进修及培训               63.55        63.55        63.55",
            "",
            "           03       培训支出             63.55        63.55        63.55",
            "",
            "208             社会保障和就业支出          6,732.72    6,732.72     6,732.72",
            "",
            "      05         行政事业单位养老支出        6,732.72    6,732.72     6,732.72",
            "",
            "           01       行政单位离退休         330.56       330.56       330.56",
        ]
        self.assertEqual([r[:2] for r in page_rows(lines)], [
            ("205", "教育支出"), ("20508", "进修及培训"), ("2050803", "培训支出"),
            ("208", "社会保障和就业支出"), ("20805", "行政事业单位养老支出"), ("2080501", "行政单位离退休")])

    def test_blank_upper_row_without_a_lei_row_above_is_not_read(self):
        self.assertEqual(page_rows(["      08         进修及培训               63.55        63.55"]), [])

    def test_wrapped_name_is_cut_and_joined(self):
        # 烟台市交通运输局 2026, lines 268-277
        lines = [
            "208             社会保障和就业支出          6,732.72    6,732.72     6,732.72",
            "",
            "      05         行政事业单位养老支出        6,732.72    6,732.72     6,732.72",
            "",
            "           02       事业单位离退休        3,649.10    3,649.10     3,649.10",
            "",
            "           05     机关事业单位基本养老保      2,451.54    2,451.54     2,451.54",
            "                险缴费支出",
            "                  机关事业单位职业年金缴",
            "           06                       287.84       287.84       287.84",
            "                费支出",
            "",
            "           99       其他行政事业单位养老支      13.68        13.68        13.68",
            "                出",
        ]
        rows = page_rows(lines)
        self.assertIn(("2080502", "事业单位离退休", True, False), rows)
        self.assertIn(("2080505", "机关事业单位基本养老保", False, False), rows)
        self.assertIn(("2080505", "机关事业单位基本养老保险缴费支出", False, True), rows)
        self.assertIn(("2080599", "其他行政事业单位养老支", False, False), rows)
        self.assertFalse([r for r in rows if r[0] == "2080506"])   # its name is on other lines

    def test_fragment_belongs_to_the_code_line_above_it(self):
        # 深圳市规划和自然资源局宝安管理局 2026, lines 671-677: 入安排的支出 continues 21208
        lines = [
            "                21201     城乡社区管理事务      3,122.40      0.00         3,122.40",
            "                          住宅建设与房地产市场",
            "                2120109                 3,122.40      0.00         3,122.40      0.00",
            "                          监管",
            "                          国有土地使用权出让收",
            "                21208                     266.00      0.00           266.00      0.00",
            "                          入安排的支出",
            "                2120806   土地出让业务支出        266.00      0.00           266.00      0.00",
        ]
        self.assertIn(("2120806", "土地出让业务支出", True, False), page_rows(lines))

    def test_header_above_first_row_is_no_fragment(self):
        # 北京市教育委员会 2026 报表, lines 839-841
        lines = [
            "科目编码           科目名称            合计             基本支出   项目支出",
            "20598   超长期特别国债安排的支出          70,174.971709          70,174.971709",
            "22960   彩票公益金安排的支出                0.018390                0.018390",
        ]
        self.assertEqual(page_rows(lines), [("20598", "超长期特别国债安排的支出", True, False),
                                            ("22960", "彩票公益金安排的支出", True, False)])

    def test_continued_project_id_is_no_code(self):
        # 北京市医疗保障局 2026, lines 527-530: 207 continues the ID 11000023T000002062…
        lines = [
            "                                                   协助进一步规范使用医保基金 ，进一步",
            "11000023T000002062                                 效益指标    社会效益指标 规范使用医保基金",
            "                                    进一步发挥专家力量 ，提高我局医保业",
            "207-医疗保障业务工          88.110000    88.110000",
        ]
        self.assertEqual(page_rows(lines), [])

    def test_procurement_listing_gives_no_well_formed_row(self):
        # 西安市司法局 2026, lines 1140-1143: project names filed under a code
        lines = [
            "204   06 01               车辆运行维护费            C23120301车辆维修和保养服务                 1                      1 302   31 502   08               100,000.00",
            "204   06 01               日常公用经费             C04070100体检服务                      1                      1 302   99 502   99               210,000.00",
            "204   06 01               日常公用经费             C23090199其他印刷服务                    1                      1 302   02 502   01               100,000.00",
        ]
        rows = page_rows(lines)
        self.assertTrue(rows)
        self.assertFalse([r for r in rows if r[2]])

    def test_code_cell_split_over_two_lines(self):
        # 普陀区财政局 2024 决算, lines 388-391: 302's line carries 30212's name; 12 is below
        lines = [
            "301    13                              302         因 公 出 国 （ 境 ） 费",
            "            住房公积金                             12",
            "                                                   用",
        ]
        self.assertEqual(page_rows(lines), [("302", "因公出国(境)费", False, False)])

    def test_rows_spaced_by_wrapped_amounts_are_neighbours(self):
        # 重庆市经济和信息化委员会 2026, lines 566-572
        lines = [
            " 22205           重要商品储备            684",
            "                                     .00    684",
            "                                              .00",
            "",
            "      2220509     食盐储备             684",
        ]
        self.assertEqual(page_rows(lines), [("22205", "重要商品储备", True, False),
                                            ("2220509", "食盐储备", True, False)])

    def test_numbered_list_is_not_codes(self):
        # 福州市 中药饮片目录: 序号 1, 2, … runs past 100; 101 is no 类 101 here
        lines = [
            "序号     项目名称                   项目编码",
            " 1      熊胆粉        熊胆粉       T001500800     127.9036",
            " 2      川贝母        川贝母       T001300123      7.9396",
            " 3      烫水蛭        烫水蛭       T001200727      7.3920",
            " 4      蜈蚣          蜈蚣       T001500760      7.3204",
            " 5      蕲蛇          蕲蛇       T000400636      6.4237",
        ] + [f"{n:>3}     名称{n}          名称       T001500692      0.5925" for n in range(6, 100)] + [
            "100     红景天         红景天       T001700351      0.5689",
            "101   阴地蕨(小春花)   阴地蕨(小春花)     T350201881      0.5640",
            "102     砂仁           砂仁       T000500672      0.5631",
        ]
        self.assertEqual(bcc.document_rows(["\n".join(lines)]), [])

    def test_seed_line_layout(self):
        seed = ["2011301\t行政运行\t325.77\t325.77\t\t\t\t\t", "20132\t组织事务\t0.81\t0.81\t\t\t\t\t"]
        rows = bcc.document_rows(["\n".join(bcc.seed_line_as_layout(l) for l in seed)])
        self.assertEqual([(r.code, r.name, r.well_formed) for r in rows],
                         [("2011301", "行政运行", True), ("20132", "组织事务", True)])


class Names(unittest.TestCase):
    def test_normalise(self):
        self.assertEqual(bcc.normalise_name("（一）一般公共服务支出（类）"), "一般公共服务支出")
        self.assertEqual(bcc.normalise_name("因公出国（境）费用"), "因公出国(境)费用")
        self.assertEqual(bcc.normalise_name("其 他 商 品 和 服 务 支 出"), "其他商品和服务支出")
        self.assertEqual(bcc.normalise_name("一、社会保障和就业支出"), "社会保障和就业支出")

    def test_plausible(self):
        self.assertTrue(bcc.plausible_name("水费"))
        self.assertFalse(bcc.plausible_name("万元，比上年"))
        self.assertFalse(bcc.plausible_name("元/㎡"))
        self.assertFalse(bcc.plausible_name("号)、《关"))
        self.assertFalse(bcc.plausible_name("出"))

    def test_valid_code(self):
        self.assertTrue(bcc.valid_code("2011301"))
        self.assertTrue(bcc.valid_code("50102"))
        self.assertFalse(bcc.valid_code("3010801"))   # 经济分类 has no 项
        self.assertFalse(bcc.valid_code("200"))
        self.assertFalse(bcc.valid_code("20100"))
        self.assertFalse(bcc.valid_code("265"))


class Catalogue(unittest.TestCase):
    def row(self, code, name, well_formed=True):
        return bcc.CodeRow(code, name, 0, (0, 0), well_formed)

    def test_cut_prefix_dropped_renamed_kept_unconfirmed_dropped(self):
        cat = bcc.Catalogue()
        cat.add("a.pdf", 2026, [self.row("2080505", "机关事业单位基本养老保险缴费支出"),
                                self.row("30307", "医疗费补助"), self.row("205", "教育支出"),
                                self.row("205", "附片", well_formed=False)])
        cat.add("b.pdf", 2026, [self.row("2080505", "机关事业单位基本养老保险缴费"),
                                self.row("2080505", "机关事业单位基本养老保险缴费支出")])
        cat.add("c.pdf", 2017, [self.row("30307", "医疗费")])
        entries = {code: names for code, _, names in cat.entries()}
        self.assertEqual(entries["2080505"], [("机关事业单位基本养老保险缴费支出", [2026], 2)])
        self.assertEqual(entries["30307"], [("医疗费补助", [2026], 1), ("医疗费", [2017], 1)])
        self.assertEqual(entries["205"], [("教育支出", [2026], 1)])

    def test_yaml_format(self):
        entries = [("201", "func", [("一般公共服务支出", [2017, 2022, 2023, 2024], 3)]),
                   ("30212", "econ", [("因公出国(境)费用", [2026], 1)])]
        self.assertEqual(bcc.render_yaml(entries).splitlines()[2:], [
            "codes:",
            '  - {code: "201", system: func, names: [{name: 一般公共服务支出, years: "2017,2022-2024", documents: 3}]}',
            '  - {code: "30212", system: econ, names: [{name: 因公出国(境)费用, years: "2026", documents: 1}]}',
        ])

    def test_document_year(self):
        self.assertEqual(bcc.document_year("2026年北京市交通委员会部门预算\n比2025年增加\n2025年执行"), 2026)
        self.assertEqual(bcc.document_year("        长春市财政局 2 0 2 5 年度\n"), 2025)
        self.assertIsNone(bcc.document_year("no year here"))


if __name__ == "__main__":
    unittest.main()
