"""Retention and churn: NRR, GRR, customer retention, churn rates, logo retention and renewals.

Entries follow tests/data/formula-contract.yml exactly (ids, input names,
units, worked examples); catalog.py puts them in the contract's order.
"""
from __future__ import annotations

from dataclasses import replace

from .catalog_inputs import T, ex, inputs, pct_latex, pct_latex_t, share, t, use
from .model import Formula

FORMULAS: tuple[Formula, ...] = (
    Formula(
        "nrr", "nrr", T("NRR", "NRR"),
        T("NRR = (starting MRR + expansion − contraction − churned MRR) ÷ starting MRR × 100",
          "NRR = (期初 MRR + 扩展 MRR − 收缩 MRR − 流失 MRR) ÷ 期初 MRR × 100"),
        T(pct_latex("NRR", r"\text{starting MRR} + \text{expansion} - \text{contraction} - \text{churned MRR}", t("starting MRR")),
          pct_latex("NRR", r"\text{期初 MRR} + \text{扩展 MRR} - \text{收缩 MRR} - \text{流失 MRR}", t("期初 MRR"))),
        "percent", inputs("start_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr"),
        (ex({"start_mrr": 100000, "expansion_mrr": 15000, "contraction_mrr": 2000, "churned_mrr": 3000}, 110,
             "002 (100k start, 110k end)"),),
        when_to_use=T("The default: from the period's totals of starting, expansion, contraction and churned MRR.",
                      '默认用法：用本期期初 MRR 以及扩展、收缩、流失 MRR 的合计计算。'),
    ),
    Formula(
        "grr", "grr", T("GRR", "GRR"),
        T("GRR = (starting MRR − contraction − churned MRR) ÷ starting MRR × 100",
          "GRR = (期初 MRR − 收缩 MRR − 流失 MRR) ÷ 期初 MRR × 100"),
        T(pct_latex("GRR", r"\text{starting MRR} - \text{contraction} - \text{churned MRR}", t("starting MRR")),
          pct_latex("GRR", r"\text{期初 MRR} - \text{收缩 MRR} - \text{流失 MRR}", t("期初 MRR"))),
        "percent", inputs("start_mrr", "contraction_mrr", "churned_mrr"),
        (ex({"start_mrr": 100000, "contraction_mrr": 0, "churned_mrr": 10000}, 90, "002"),),
    ),
    Formula(
        "customer_retention_rate", "crr", T("CRR", "客户留存率"),
        T("CRR = (customers at end − new customers) ÷ customers at start × 100",
          "客户留存率 = (期末客户数 − 新增客户数) ÷ 期初客户数 × 100"),
        T(pct_latex("CRR", r"\text{customers at end} - \text{new customers}", t("customers at start")),
          pct_latex("客户留存率", r"\text{期末客户数} - \text{新增客户数}", t("期初客户数"))),
        "percent", inputs("start_customers", "end_customers", "new_customers"),
        (ex({"start_customers": 100, "end_customers": 95, "new_customers": 5}, 90,
             "002 (100 at start, 10 lost), 004 (formula)"),),
    ),
    share("customer_churn_rate", "churn-rate", T("Churn rate", "客户流失率"),
           T("churn rate = customers lost ÷ customers at start × 100", "客户流失率 = 流失客户数 ÷ 期初客户数 × 100"),
           pct_latex_t(T("churn rate", "客户流失率"), T("customers lost", "流失客户数"), T("customers at start", "期初客户数")),
           "lost_customers", "start_customers",
           (ex({"start_customers": 100, "lost_customers": 10}, 10, "002"),), whole_first=True,
          when_to_use=T('The default: the share of the customers you started the period with who left during it.',
                        '默认用法：期初客户中在本期流失的比例。')),
    share("revenue_churn_rate", "revenue-churn-rate", T("Revenue churn rate", "收入流失率"),
           T("revenue churn rate = MRR lost to cancellations ÷ starting MRR × 100", "收入流失率 = 因取消订阅流失的 MRR ÷ 期初 MRR × 100"),
           pct_latex_t(T("revenue churn rate", "收入流失率"), T("churned MRR", "流失 MRR"), T("starting MRR", "期初 MRR")),
           "churned_mrr", "start_mrr", whole_first=True),
    share("logo_retention", "logo-retention", T("Logo retention", "客户数量留存率"),
           T("logo retention = customers retained ÷ customers at start × 100", "客户数量留存率 = 留存客户数 ÷ 期初客户数 × 100"),
           pct_latex_t(T("logo retention", "客户数量留存率"), T("customers retained", "留存客户数"), T("customers at start", "期初客户数")),
           use("retained_customers", help=T("Customers from the start of the period still with you at its end.",
                                              "期初客户中到期末仍在的客户数。")),
           "start_customers",
           (ex({"start_customers": 50, "retained_customers": 45}, 90, "002"),), whole_first=True),
    share("renewal_rate", "renewal-rate", T("Renewal rate", "续签率"),
           T("renewal rate = customers who renewed ÷ customers up for renewal × 100", "续签率 = 已续约客户数 ÷ 到期客户数 × 100"),
           pct_latex_t(T("renewal rate", "续签率"), T("customers who renewed", "已续约客户数"), T("customers up for renewal", "到期客户数")),
           "renewed_customers", "customers_due",
           (ex({"renewed_customers": 90, "customers_due": 100}, 90, "002"),)),
    share("dollar_renewal_rate", "dollar-renewal-rate", T("Dollar renewal rate", "金额续费率"),
           T("dollar renewal rate = renewed contract value ÷ contract value up for renewal × 100",
             "金额续费率 = 已续约合同金额 ÷ 到期合同金额 × 100"),
           pct_latex_t(T("dollar renewal rate", "金额续费率"), T("renewed contract value", "已续约合同金额"),
                        T("contract value up for renewal", "到期合同金额")),
           "renewed_value", "value_due"),
    Formula(
        "net_revenue_churn", "net-revenue-churn", T("Net revenue churn", "净收入流失率"),
        T("net revenue churn = (churned MRR + contraction MRR − expansion MRR) ÷ starting MRR × 100; below 0 is negative churn",
          "净收入流失率 = (流失 MRR + 收缩 MRR − 扩展 MRR) ÷ 期初 MRR × 100；低于 0 即为负流失"),
        T(pct_latex("net revenue churn", r"\text{churned MRR} + \text{contraction MRR} - \text{expansion MRR}", t("starting MRR")),
          pct_latex("净收入流失率", r"\text{流失 MRR} + \text{收缩 MRR} - \text{扩展 MRR}", t("期初 MRR"))),
        "percent", inputs("start_mrr", "churned_mrr", "contraction_mrr", "expansion_mrr"),
        (ex({"start_mrr": 100000, "churned_mrr": 3000, "contraction_mrr": 2000, "expansion_mrr": 8000}, -3.0,
            "common public definition"),),
    ),
    Formula(
        "churn_monthly_to_annual", "churn-rate", T("Annual churn rate", "年流失率"),
        T("annual churn = (1 − (1 − monthly churn)^12) × 100", "年流失率 = (1 − (1 − 月流失率)^12) × 100"),
        T(r"\text{annual churn} = \left(1 - (1 - \text{monthly churn})^{12}\right) \times 100",
          r"\text{年流失率} = \left(1 - (1 - \text{月流失率})^{12}\right) \times 100"),
        "percent", inputs(use("monthly_churn_rate", minimum_exclusive=False)),
        (ex({"monthly_churn_rate": 5}, 45.96399123373634, "compounding"),),
        when_to_use=T("To turn a monthly churn rate into the annual one. Churn compounds: 5% a month loses "
                      "about 46% of customers in a year, not 60%.",
                      "把月流失率换算成年流失率。流失是复利累积的：每月流失 5%，一年约流失 46% 的客户，而不是 60%。"),
    ),
    Formula(
        "churn_annual_to_monthly", "churn-rate", T("Monthly churn rate", "月流失率"),
        T("monthly churn = (1 − (1 − annual churn)^(1/12)) × 100", "月流失率 = (1 − (1 − 年流失率)^(1/12)) × 100"),
        T(r"\text{monthly churn} = \left(1 - (1 - \text{annual churn})^{1/12}\right) \times 100",
          r"\text{月流失率} = \left(1 - (1 - \text{年流失率})^{1/12}\right) \times 100"),
        "percent", inputs("annual_churn_rate"),
        (ex({"annual_churn_rate": 20}, 1.8423470126248342, "compounding"),),
        when_to_use=T("To turn an annual churn rate into the monthly rate that compounds to it, e.g. for the "
                      "LTV formula that takes monthly churn. Dividing by 12 overstates it.",
                      "把年流失率换算成按月复利累积后与之相等的月流失率，例如用于需要月流失率的 LTV 公式。直接除以 12 会高估。"),
    ),
    Formula(
        "retention_from_accounts", "nrr", T("NRR", "NRR"),
        T("from one row per account (start MRR, end MRR): NRR = Σ end of accounts with start > 0 ÷ Σ start × 100; "
          "GRR the same with each end capped at its start; accounts with start 0 are new and left out",
          "按账户逐行计算（期初 MRR、期末 MRR）：NRR = 期初 MRR 大于 0 的账户的期末 MRR 之和 ÷ 期初 MRR 之和 × 100；"
          "GRR 算法相同，但每个账户的期末 MRR 以其期初 MRR 为上限；期初为 0 的账户是新客户，不计入"),
        T(r"\text{NRR} = \frac{\sum_{\text{start}_i > 0} \text{end}_i}{\sum_i \text{start}_i} \times 100, \quad "
          r"\text{GRR} = \frac{\sum_{\text{start}_i > 0} \min(\text{end}_i, \text{start}_i)}{\sum_i \text{start}_i} \times 100",
          r"\text{NRR} = \frac{\sum_{\text{期初}_i > 0} \text{期末}_i}{\sum_i \text{期初}_i} \times 100, \quad "
          r"\text{GRR} = \frac{\sum_{\text{期初}_i > 0} \min(\text{期末}_i, \text{期初}_i)}{\sum_i \text{期初}_i} \times 100"),
        "percent", (replace(use("accounts_table"), name="accounts"),),
        (ex({"accounts": "account,start_mrr,end_mrr\nA,1000,1200\nB,2000,1500\nC,500,0\nD,1500,1500\nE,0,800\n"},
            84.0, "worked here"),),
        when_to_use=T("When you have each account's MRR at the start and end of the period: paste the table and "
                      "get NRR, GRR and where the change came from. New accounts are left out, as NRR requires.",
                      "已掌握每个账户期初和期末 MRR 时使用：粘贴表格，即可得到 NRR、GRR 以及变化来自哪里。"
                      "新账户按 NRR 的定义不计入。"),
    ),
)

# Plausible figures where the sources give no worked example (see catalog.SAMPLES).
SAMPLES: dict[str, dict] = {
    "revenue_churn_rate": {"start_mrr": 100000, "churned_mrr": 4000},
    "dollar_renewal_rate": {"renewed_value": 450000, "value_due": 500000},
}
