"""Revenue formulas: ARR (three ways in), MRR, ACV, TCV, ARPA, ARPU and customer concentration.

Entries follow tests/data/formula-contract.yml exactly (ids, input names,
units, worked examples); catalog.py puts them in the contract's order.
"""
from __future__ import annotations

from .catalog_inputs import T, ex, frac, inputs, pct_latex_t, share, t, use
from .model import Formula

FORMULAS: tuple[Formula, ...] = (
    Formula(
        "arr", "arr", T("ARR", "ARR"),
        T("ARR = MRR × 12", "ARR = MRR × 12"),
        T(r"\text{ARR} = \text{MRR} \times 12", r"\text{ARR} = \text{MRR} \times 12"),
        "money", inputs("mrr"),
        (ex({"mrr": 10000}, 120000, "002 (MRR = ARR / 12)"),),
        when_to_use=T("The default: use it when you already know MRR. ARR is twelve months of it.",
                      "默认用法：已知 MRR 时使用，ARR 就是 12 个月的 MRR。"),
    ),
    Formula(
        "arr_from_contract", "arr", T("ARR", "ARR"),
        T("ARR = contract value ÷ term in months × 12", "ARR = 合同金额 ÷ 合同月数 × 12"),
        T(r"\text{ARR} = " + frac(t("contract value"), t("term in months")) + r" \times 12",
          r"\text{ARR} = " + frac(t("合同金额"), t("合同月数")) + r" \times 12"),
        "money", inputs("contract_value", "term_months"),
        (ex({"contract_value": 15000, "term_months": 6}, 30000, "002"),),
        when_to_use=T("For one contract whose term is not a year: annualise its value (15k over 6 months is 30k of ARR).",
                      "适用于期限不是一年的单份合同：把合同金额折算成年度值（6 个月 1.5 万即 ARR 3 万）。"),
    ),
    Formula(
        "arr_from_fees", "arr", T("ARR", "ARR"),
        T("ARR = Σ per-customer fee per billing period × periods per year (month 12, quarter 4, year 1)",
          "ARR = Σ 每个客户每期费用 × 每年计费期数（按月 12，按季度 4，按年 1）"),
        T(r"\text{ARR} = \sum_i \text{fee}_i \times \text{periods per year}",
          r"\text{ARR} = \sum_i \text{每期费用}_i \times \text{每年计费期数}"),
        "money", inputs("fees", "billing_period"),
        (ex({"fees": [100, 200], "billing_period": "quarter"}, 1200, "000 (method)"),),
        when_to_use=T("When customers are billed monthly, quarterly or yearly and you have each customer's fee.",
                      "适用于按月、按季度或按年计费、且掌握每个客户费用的情况。"),
    ),
    Formula(
        "mrr", "mrr", T("MRR", "MRR"),
        T("MRR = Σ monthly subscription fees of all paying customers", "MRR = Σ 所有付费客户的月订阅费"),
        T(r"\text{MRR} = \sum_i \text{monthly fee}_i", r"\text{MRR} = \sum_i \text{月订阅费}_i"),
        "money", inputs("monthly_fees"),
        when_to_use=T("The default: add up what every paying customer is billed each month.",
                      "默认用法：把每个付费客户每月的订阅费相加。"),
    ),
    Formula(
        "mrr_from_arpu", "mrr", T("MRR", "MRR"),
        T("MRR = ARPU × paying customers", "MRR = ARPU × 付费客户数"),
        T(r"\text{MRR} = \text{ARPU} \times \text{paying customers}", r"\text{MRR} = \text{ARPU} \times \text{付费客户数}"),
        "money", inputs("arpu", "paying_customers"),
        when_to_use=T("A shortcut when you know the average monthly revenue per paying customer and how many there are, but not each fee.",
                      "简便算法：知道每个付费客户的月均收入和客户数量、但不掌握逐个费用时使用。"),
    ),
    Formula(
        "acv", "acv", T("ACV", "ACV"),
        T("ACV = total contract value ÷ term in months × 12", "ACV = 合同总价值 ÷ 合同月数 × 12"),
        T(r"\text{ACV} = " + frac(t("total contract value"), t("term in months")) + r" \times 12",
          r"\text{ACV} = " + frac(t("合同总价值"), t("合同月数")) + r" \times 12"),
        "money", inputs("total_contract_value", "term_months"),
        (ex({"total_contract_value": 40000, "term_months": 24}, 20000, "002"),),
    ),
    Formula(
        "tcv", "tcv", T("TCV", "TCV"),
        T("TCV = recurring fee per month × term in months + one-time fees", "TCV = 每月经常性费用 × 合同月数 + 一次性费用"),
        T(r"\text{TCV} = \text{recurring fee per month} \times \text{term in months} + \text{one-time fees}",
          r"\text{TCV} = \text{每月经常性费用} \times \text{合同月数} + \text{一次性费用}"),
        "money", inputs("recurring_per_month", "term_months", "one_time_fees"),
    ),
    Formula(
        "arpa", "arpa", T("ARPA", "ARPA"),
        T("ARPA = revenue ÷ accounts", "ARPA = 收入 ÷ 账户数"),
        T(r"\text{ARPA} = " + frac(t("revenue"), t("accounts")), r"\text{ARPA} = " + frac(t("收入"), t("账户数"))),
        "money", inputs("revenue", "accounts"),
        (ex({"revenue": 100000, "accounts": 20}, 5000, "002"),),
    ),
    Formula(
        "arpu", "arpu", T("ARPU", "ARPU"),
        T("ARPU = revenue ÷ users", "ARPU = 收入 ÷ 用户数"),
        T(r"\text{ARPU} = " + frac(t("revenue"), t("users")), r"\text{ARPU} = " + frac(t("收入"), t("用户数"))),
        "money", inputs("revenue", "users"),
        (ex({"revenue": 50000, "users": 1000}, 50, "002"),),
    ),
    share("customer_concentration", "customer-concentration", T("Customer concentration", "客户集中度"),
           T("concentration = revenue of the largest customers ÷ total revenue × 100", "客户集中度 = 头部客户收入 ÷ 总收入 × 100"),
           pct_latex_t(T("concentration", "客户集中度"), T("revenue of the largest customers", "头部客户收入"), T("total revenue", "总收入")),
           "top_customers_revenue", "total_revenue"),
)

# Plausible figures where the sources give no worked example (see catalog.SAMPLES).
SAMPLES: dict[str, dict] = {
    "mrr": {"monthly_fees": [500, 1200, 800]},
    "mrr_from_arpu": {"arpu": 50, "paying_customers": 400},
    "tcv": {"recurring_per_month": 2000, "term_months": 36, "one_time_fees": 5000},
    "customer_concentration": {"top_customers_revenue": 300000, "total_revenue": 1200000},
}
