"""Growth and usage: YoY, user growth, conversion, repeat purchase, expansion, upsell, cross-sell, referral, adoption, stickiness and TTV.

Entries follow tests/data/formula-contract.yml exactly (ids, input names,
units, worked examples); catalog.py puts them in the contract's order.
"""
from __future__ import annotations

from .catalog_inputs import T, ex, inputs, pct_latex, pct_latex_t, share, t, use
from .model import Formula

FORMULAS: tuple[Formula, ...] = (
    Formula(
        "yoy_growth", "yoy", T("YoY growth", "同比增长率"),
        T("YoY growth = (this period − same period last year) ÷ same period last year × 100",
          "同比增长率 = (本期值 − 去年同期值) ÷ 去年同期值 × 100"),
        T(pct_latex("YoY growth", r"\text{this period} - \text{same period last year}", t("same period last year")),
          pct_latex("同比增长率", r"\text{本期值} - \text{去年同期值}", t("去年同期值"))),
        "percent", inputs("previous", "current"),
        (ex({"previous": 50000, "current": 60000}, 20, "002"),),
    ),
    Formula(
        "user_net_growth_rate", "user-net-growth-rate", T("User net growth rate", "用户净增长率"),
        T("user net growth rate = (new users − lost users) ÷ users at start × 100",
          "用户净增长率 = (新增用户数 − 流失用户数) ÷ 期初用户数 × 100"),
        T(pct_latex("user net growth rate", r"\text{new users} - \text{lost users}", t("users at start")),
          pct_latex("用户净增长率", r"\text{新增用户数} - \text{流失用户数}", t("期初用户数"))),
        "percent", inputs("start_users", "new_users", "lost_users"),
    ),
    share("conversion_rate", "conversion-rate", T("Conversion rate", "付费转化率"),
           T("conversion rate = paying customers ÷ all users (trial or free) × 100",
             "付费转化率 = 付费客户数 ÷ 全部用户数（试用或免费）× 100"),
           pct_latex_t(T("conversion rate", "付费转化率"), T("paying customers", "付费客户数"), T("all users", "全部用户数")),
           use("paying_customers", help=T("Users from that group who became paying customers.", "这批用户中转为付费客户的数量。")),
           use("total_users", help=T("All trial or free users in the group.", "这批试用或免费用户的总数。"))),
    share("repeat_purchase_rate", "repeat-purchase-rate", T("Repeat purchase rate", "重复购买率"),
           T("repeat purchase rate = repeat transactions ÷ all transactions × 100", "重复购买率 = 重复购买交易数 ÷ 总交易数 × 100"),
           pct_latex_t(T("repeat purchase rate", "重复购买率"), T("repeat transactions", "重复购买交易数"), T("all transactions", "总交易数")),
           "repeat_transactions", "total_transactions"),
    share("expansion_rate", "expansion-revenue", T("Expansion rate", "扩展率"),
           T("expansion rate = expansion MRR ÷ existing MRR × 100", "扩展率 = 扩展 MRR ÷ 现有 MRR × 100"),
           pct_latex_t(T("expansion rate", "扩展率"), T("expansion MRR", "扩展 MRR"), T("existing MRR", "现有 MRR")),
           "expansion_mrr", "start_mrr"),
    share("upsell_rate", "upsell-rate", T("Upsell rate", "加售率"),
           T("upsell rate = customers who upgraded ÷ all customers × 100", "加售率 = 升级客户数 ÷ 客户总数 × 100"),
           pct_latex_t(T("upsell rate", "加售率"), T("customers who upgraded", "升级客户数"), T("all customers", "客户总数")),
           "upsold_customers", "total_customers"),
    share("cross_sell_rate", "cross-sell-rate", T("Cross-sell rate", "交叉销售率"),
           T("cross-sell rate = customers who bought another product ÷ all customers × 100",
             "交叉销售率 = 购买了其他产品的客户数 ÷ 客户总数 × 100"),
           pct_latex_t(T("cross-sell rate", "交叉销售率"), T("customers who bought another product", "购买其他产品的客户数"),
                        T("all customers", "客户总数")),
           "cross_sold_customers", "total_customers"),
    share("referral_rate", "referral-rate", T("Referral rate", "客户推荐率"),
           T("referral rate = customers who referred new business ÷ all customers × 100",
             "客户推荐率 = 推荐了新业务的客户数 ÷ 客户总数 × 100"),
           pct_latex_t(T("referral rate", "客户推荐率"), T("customers who referred", "推荐客户数"), T("all customers", "客户总数")),
           "referring_customers", "total_customers"),
    share("adoption_rate", "adoption", T("Adoption rate", "采用率"),
           T("adoption rate = users who adopted the product or feature ÷ all users × 100",
             "采用率 = 采用该产品或功能的用户数 ÷ 用户总数 × 100"),
           pct_latex_t(T("adoption rate", "采用率"), T("users who adopted", "采用用户数"), T("all users", "用户总数")),
           "adopting_users",
           use("total_users", help=T("All users who could use the product or feature.", "能够使用该产品或功能的全部用户数。"))),
    share("stickiness", "dau", T("Stickiness", "用户黏性"),
           T("stickiness = DAU ÷ MAU × 100", "用户黏性 = DAU ÷ MAU × 100"),
           T(pct_latex("stickiness", r"\text{DAU}", r"\text{MAU}"), pct_latex("用户黏性", r"\text{DAU}", r"\text{MAU}")),
           "dau", "mau",
           (ex({"dau": 5000, "mau": 50000}, 10, "002 (DAU 5000, MAU 50000)"),)),
    Formula(
        "ttv", "ttv", T("TTV", "TTV"),
        T("TTV = date of first value − start date, in days", "TTV = 首次实现价值日期 − 开始日期，以天计"),
        T(r"\text{TTV} = \text{date of first value} - \text{start date}", r"\text{TTV} = \text{首次实现价值日期} - \text{开始日期}"),
        "days", inputs("start_date", "value_date"),
        (ex({"start_date": "2026-03-01", "value_date": "2026-03-08"}, 7, "002 (7 days)"),),
    ),
)

# Plausible figures where the sources give no worked example (see catalog.SAMPLES).
SAMPLES: dict[str, dict] = {
    "user_net_growth_rate": {"start_users": 2000, "new_users": 300, "lost_users": 100},
    "conversion_rate": {"paying_customers": 60, "total_users": 1000},
    "repeat_purchase_rate": {"repeat_transactions": 300, "total_transactions": 1200},
    "expansion_rate": {"expansion_mrr": 8000, "start_mrr": 100000},
    "upsell_rate": {"upsold_customers": 15, "total_customers": 200},
    "cross_sell_rate": {"cross_sold_customers": 12, "total_customers": 200},
    "referral_rate": {"referring_customers": 25, "total_customers": 500},
    "adoption_rate": {"adopting_users": 420, "total_users": 600},
}
