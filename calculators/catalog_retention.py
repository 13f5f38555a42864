"""Retention and churn: NRR, GRR, customer retention, churn rates, logo retention and renewals.

Entries follow tests/data/formula-contract.yml exactly (ids, input names,
units, worked examples); catalog.py puts them in the contract's order.
"""
from __future__ import annotations

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
           (ex({"start_customers": 100, "lost_customers": 10}, 10, "002"),), whole_first=True),
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
)

# Plausible figures where the sources give no worked example (see catalog.SAMPLES).
SAMPLES: dict[str, dict] = {
    "revenue_churn_rate": {"start_mrr": 100000, "churned_mrr": 4000},
    "dollar_renewal_rate": {"renewed_value": 450000, "value_due": 500000},
}
