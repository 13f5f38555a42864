"""Unit economics: CAC, retention cost, the LTV variants, LTV:CAC, ROI and the SaaS efficiency ratios.

Entries follow tests/data/formula-contract.yml exactly (ids, input names,
units, worked examples); catalog.py puts them in the contract's order.
"""
from __future__ import annotations

from .catalog_inputs import T, ex, frac, inputs, pct_latex, t, use
from .model import Formula

FORMULAS: tuple[Formula, ...] = (
    Formula(
        "cac", "cac", T("CAC", "CAC"),
        T("CAC = sales and marketing cost of acquisition ÷ new customers", "CAC = 获客所花的销售与营销费用 ÷ 新增客户数"),
        T(r"\text{CAC} = " + frac(t("sales and marketing cost"), t("new customers")),
          r"\text{CAC} = " + frac(t("销售与营销费用"), t("新增客户数"))),
        "money", inputs("acquisition_cost", use("new_customers", help=T(
            "Customers won with that spend.", "用这笔费用赢得的新客户数。"))),
        (ex({"acquisition_cost": 10000, "new_customers": 10}, 1000, "002"),),
    ),
    Formula(
        "crc", "crc", T("Retention cost per customer", "平均留存成本"),
        T("average retention cost = total retention spend ÷ retained customers", "平均留存成本 = 留存总投入 ÷ 留存客户数"),
        T(r"\text{average retention cost} = " + frac(t("total retention spend"), t("retained customers")),
          r"\text{平均留存成本} = " + frac(t("留存总投入"), t("留存客户数"))),
        "money", inputs("retention_cost", "retained_customers"),
    ),
    # LTV: the sources disagree, so every variant is shown and labelled.
    Formula(
        "ltv", "ltv", T("Revenue LTV (no margin)", "收入口径 LTV（未扣毛利）"),
        T("LTV = average monthly revenue per account × average lifetime in months", "LTV = 每账户月均收入 × 平均生命周期（月）"),
        T(r"\text{LTV} = \text{ARPA} \times \text{average lifetime in months}",
          r"\text{LTV} = \text{ARPA} \times \text{平均生命周期（月）}"),
        "money", inputs("arpa", "lifetime_months"),
        (ex({"arpa": 100, "lifetime_months": 36}, 3600, "002"),),
        # Source articles 002 and 001 give this plain product (001 as price × frequency × term).
        when_to_use=T("Revenue per account times how long accounts stay, with no costs taken out: the simple view two of the "
                      "four source articles give. Do not set it against CAC: the 3:1 rule assumes the margin-adjusted LTV.",
                      "每账户收入乘以平均留存时长，不扣除任何成本：四篇来源文章中有两篇采用这一简单口径。"
                      "不要拿它和 CAC 比较：3:1 的经验法则针对的是扣除毛利后的 LTV。"),
    ),
    Formula(
        "ltv_purchase", "ltv", T("LTV net of CAC", "扣除获客成本的 LTV"),
        T("LTV = average purchase value × purchase frequency × lifetime − acquisition cost",
          "LTV = 平均客单价 × 购买频率 × 客户生命周期 − 获客成本"),
        T(r"\text{LTV} = \text{average purchase value} \times \text{purchase frequency} \times \text{lifetime} - \text{acquisition cost}",
          r"\text{LTV} = \text{平均客单价} \times \text{购买频率} \times \text{客户生命周期} - \text{获客成本}"),
        "money", inputs(
            "average_purchase_value", "purchase_frequency", "lifetime",
            use("acquisition_cost", label=T("Acquisition cost per customer", "单个客户获客成本"),
                 help=T("What it cost to win one customer; leave blank to leave it out.",
                        "赢得一个客户的成本；不想扣除可留空。"),
                 optional=True, default=0)),
        # Source article 000 subtracts acquisition cost; with it blank this is 001's product.
        when_to_use=T("As the Customer Success terms dictionary (2024) defines it: purchase value × frequency × lifetime, "
                      "less the cost of winning the customer. Suits purchase-based businesses; leave that cost blank for "
                      "the gross figure.",
                      "按《客户成功行业术语词典》（2024）的定义：客单价 × 购买频率 × 生命周期，再减去赢得该客户的成本。"
                      "适用于按次购买的业务；获客成本留空即得到未扣除的数值。"),
    ),
    Formula(
        "ltv_churn", "ltv", T("Margin-adjusted LTV", "毛利口径 LTV"),
        T("LTV = ARPA × gross margin ÷ monthly churn rate", "LTV = ARPA × 毛利率 ÷ 月流失率"),
        T(r"\text{LTV} = " + frac(r"\text{ARPA} \times \text{gross margin}", t("monthly churn rate")),
          r"\text{LTV} = " + frac(r"\text{ARPA} \times \text{毛利率}", t("月流失率"))),
        "money", inputs("arpa", "gross_margin", "monthly_churn_rate"),
        when_to_use=T("The standard SaaS form, and the one to use for LTV:CAC: lifetime is taken as 1 ÷ monthly churn, and "
                      "only gross profit counts.",
                      "SaaS 的标准算法，计算 LTV:CAC 时应使用这一口径：生命周期按 1 ÷ 月流失率估算，只计毛利。"),
    ),
    Formula(
        "ltv_cac_ratio", "ltv-cac-ratio", T("LTV:CAC", "LTV:CAC"),
        T("LTV:CAC = LTV ÷ CAC", "LTV:CAC = LTV ÷ CAC"),
        T(r"\text{LTV:CAC} = \frac{\text{LTV}}{\text{CAC}}", r"\text{LTV:CAC} = \frac{\text{LTV}}{\text{CAC}}"),
        "ratio", inputs("ltv", "cac"), notation="to_one",
    ),
    Formula(
        "roi", "roi", T("ROI", "ROI"),
        T("ROI = (return − investment) ÷ investment × 100", "ROI = (收益 − 投入) ÷ 投入 × 100"),
        T(pct_latex("ROI", r"\text{return} - \text{investment}", t("investment")),
          pct_latex("ROI", r"\text{收益} - \text{投入}", t("投入"))),
        "percent", inputs("return_value", "investment"),
        (ex({"return_value": 30000, "investment": 10000}, 200, "002"),),
    ),
    Formula(
        "cac_payback", "cac-payback", T("CAC payback", "CAC 回收期"),
        T("CAC payback (months) = CAC ÷ (monthly ARPA × gross margin)", "CAC 回收期（月）= CAC ÷ (每账户月均收入 × 毛利率)"),
        T(r"\text{CAC payback (months)} = " + frac(r"\text{CAC}", r"\text{monthly ARPA} \times \text{gross margin}"),
          r"\text{CAC 回收期（月）} = " + frac(r"\text{CAC}", r"\text{每账户月均收入} \times \text{毛利率}")),
        "months", inputs("cac", "arpa", "gross_margin"),
        (ex({"cac": 1200, "arpa": 100, "gross_margin": 80}, 15, "common public example"),),
    ),
    Formula(
        "quick_ratio", "quick-ratio", T("Quick ratio", "快速比率"),
        T("SaaS quick ratio = (new MRR + expansion MRR) ÷ (churned MRR + contraction MRR)",
          "SaaS 快速比率 = (新增 MRR + 扩展 MRR) ÷ (流失 MRR + 收缩 MRR)"),
        T(r"\text{SaaS quick ratio} = " + frac(r"\text{new MRR} + \text{expansion MRR}", r"\text{churned MRR} + \text{contraction MRR}"),
          r"\text{SaaS 快速比率} = " + frac(r"\text{新增 MRR} + \text{扩展 MRR}", r"\text{流失 MRR} + \text{收缩 MRR}")),
        "ratio", inputs("new_mrr", "expansion_mrr", "churned_mrr", "contraction_mrr"),
        (ex({"new_mrr": 5000, "expansion_mrr": 1000, "churned_mrr": 1500, "contraction_mrr": 500}, 3,
             "common public example"),),
    ),
    Formula(
        "rule_of_40", "rule-of-40", T("Rule of 40 score", "40 法则得分"),
        T("Rule of 40 score = revenue growth rate (%) + profit margin (%)", "40 法则得分 = 收入增长率（%）+ 利润率（%）"),
        T(r"\text{Rule of 40 score} = \text{revenue growth rate} + \text{profit margin}",
          r"\text{40 法则得分} = \text{收入增长率} + \text{利润率}"),
        "percent", inputs("growth_rate", "profit_margin"),
    ),
    Formula(
        "burn_multiple", "burn-multiple", T("Burn multiple", "烧钱倍数"),
        T("burn multiple = net burn ÷ net new ARR", "烧钱倍数 = 净烧钱额 ÷ 净新增 ARR"),
        T(r"\text{burn multiple} = " + frac(t("net burn"), t("net new ARR")),
          r"\text{烧钱倍数} = " + frac(t("净烧钱额"), t("净新增 ARR"))),
        "ratio", inputs("net_burn", use("net_new_arr", minimum=None)),
    ),
    Formula(
        "magic_number", "magic-number", T("Magic number", "魔法数字"),
        T("SaaS magic number = (this quarter's revenue − last quarter's) × 4 ÷ last quarter's sales and marketing spend",
          "SaaS 魔法数字 = (本季度收入 − 上季度收入) × 4 ÷ 上季度销售与营销费用"),
        T(r"\text{SaaS magic number} = " + frac(r"(\text{this quarter's revenue} - \text{last quarter's}) \times 4",
                                                 r"\text{last quarter's sales and marketing spend}"),
          r"\text{SaaS 魔法数字} = " + frac(r"(\text{本季度收入} - \text{上季度收入}) \times 4", t("上季度销售与营销费用"))),
        "ratio", inputs("current_quarter_revenue", "previous_quarter_revenue", "previous_quarter_sm_spend"),
    ),
)

# Plausible figures where the sources give no worked example (see catalog.SAMPLES).
SAMPLES: dict[str, dict] = {
    "crc": {"retention_cost": 60000, "retained_customers": 150},
    "ltv_purchase": {"average_purchase_value": 200, "purchase_frequency": 4, "lifetime": 3,
                     "acquisition_cost": 400},
    "ltv_churn": {"arpa": 100, "gross_margin": 80, "monthly_churn_rate": 2},
    "ltv_cac_ratio": {"ltv": 3600, "cac": 1200},
    "rule_of_40": {"growth_rate": 30, "profit_margin": 15},
    "burn_multiple": {"net_burn": 1500000, "net_new_arr": 1000000},
    "magic_number": {"current_quarter_revenue": 1250000, "previous_quarter_revenue": 1000000,
                     "previous_quarter_sm_spend": 1000000},
}
