"""Names for the formula variants of one term, as readers tell them apart.

A term with several formulas (LTV, ARR, MRR, ...) shows several calculators on
its page; each is titled and announced by its variant's name, never by a
formula id. Formulas that are alone on their term need no name: the symbol
says it ("NRR calculator"). Where the catalog's symbol already names the
variant (the LTVs), the label repeats it, so title and result line agree.
Ids of formulas not yet in the catalog are harmless.
"""
from __future__ import annotations

from .model import Text

T = Text

LABELS: dict[str, Text] = {
    # arr
    "arr": T("ARR from MRR", "由 MRR 推算 ARR"),
    "arr_from_contract": T("ARR of one contract", "单份合同折算 ARR"),
    "arr_from_fees": T("ARR from each customer's fee", "按客户计费汇总 ARR"),
    # mrr
    "mrr": T("MRR from each customer's fee", "逐个客户汇总 MRR"),
    "mrr_from_arpu": T("MRR from ARPU", "由 ARPU 推算 MRR"),
    # ltv
    "ltv": T("Revenue LTV (no margin)", "收入口径 LTV（未扣毛利）"),
    "ltv_purchase": T("LTV net of CAC", "扣除获客成本的 LTV"),
    "ltv_churn": T("Margin-adjusted LTV", "毛利口径 LTV"),
    # churn-rate
    "customer_churn_rate": T("Customer churn rate", "客户流失率"),
    "churn_monthly_to_annual": T("Monthly churn to annual", "月流失率换算年流失率"),
    "churn_annual_to_monthly": T("Annual churn to monthly", "年流失率换算月流失率"),
    # nps
    "nps": T("NPS from counts", "按人数计算 NPS"),
    "nps_from_scores": T("NPS from raw 0–10 answers", "由 0–10 原始评分计算 NPS"),
    "nps_margin_of_error": T("NPS margin of error", "NPS 误差范围"),
    # csat
    "csat": T("CSAT score", "CSAT 得分"),
    "csat_margin_of_error": T("CSAT margin of error", "CSAT 误差范围"),
    # ces
    "ces": T("CES (share of easy ratings)", "CES（高分占比）"),
    "ces_mean": T("CES (mean score)", "CES（均值）"),
    # repeat-purchase-rate
    "repeat_purchase_rate": T("Repeat purchase rate by orders", "按订单计算的重复购买率"),
    "repeat_purchase_rate_customers": T("Repeat purchase rate by customers", "按客户计算的复购率"),
    # nrr
    "nrr": T("NRR from MRR totals", "由 MRR 汇总计算 NRR"),
    "retention_from_accounts": T("NRR and GRR from an account table", "由账户明细计算 NRR 与 GRR"),
}
