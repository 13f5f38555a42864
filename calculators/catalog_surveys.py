"""Surveys and service: NPS, CSAT, CES, FCR, AHT and the health score.

Entries follow tests/data/formula-contract.yml exactly (ids, input names,
units, worked examples); catalog.py puts them in the contract's order.
"""
from __future__ import annotations

from .catalog_inputs import T, ex, frac, inputs, pct_latex, share, t
from .model import Formula

FORMULAS: tuple[Formula, ...] = (
    Formula(
        "nps", "nps", T("NPS", "NPS"),
        T("NPS = (promoters − detractors) ÷ all respondents × 100; promoters score 9-10, passives 7-8, detractors 0-6",
          "NPS = (推荐者 − 贬损者) ÷ 全部受访者 × 100；推荐者打 9–10 分，中立者 7–8 分，贬损者 0–6 分"),
        T(pct_latex("NPS", r"\text{promoters} - \text{detractors}", r"\text{promoters} + \text{passives} + \text{detractors}"),
          pct_latex("NPS", r"\text{推荐者} - \text{贬损者}", r"\text{推荐者} + \text{中立者} + \text{贬损者}")),
        "score", inputs("promoters", "passives", "detractors"),
        (ex({"promoters": 20, "passives": 20, "detractors": 10}, 20, "002"),),
    ),
    share("csat", "csat", T("CSAT", "CSAT"),
           T("CSAT = satisfied responses (4-5 on a 5-point scale) ÷ all responses × 100",
             "CSAT = 满意回复数（5 分制中的 4–5 分）÷ 全部回复数 × 100"),
           T(pct_latex("CSAT", t("satisfied responses"), t("all responses")),
             pct_latex("CSAT", t("满意回复数"), t("全部回复数"))),
           "satisfied_responses", "total_responses",
           (ex({"satisfied_responses": 80, "total_responses": 100}, 80, "002"),)),
    share("ces", "ces", T("CES", "CES"),
           T("CES = responses scoring 5, 6 or 7 on a 7-point scale ÷ all responses × 100",
             "CES = 7 分制中打 5、6、7 分的回复数 ÷ 全部回复数 × 100"),
           T(pct_latex("CES", t("responses scoring 5–7"), t("all responses")),
             pct_latex("CES", t("5–7 分回复数"), t("全部回复数"))),
           "high_scores", "total_responses"),
    share("fcr", "fcr", T("FCR", "FCR"),
           T("FCR = issues resolved on first contact ÷ all issues × 100", "FCR = 首次联系即解决的问题数 ÷ 问题总数 × 100"),
           T(pct_latex("FCR", t("issues resolved on first contact"), t("all issues")),
             pct_latex("FCR", t("首次联系即解决的问题数"), t("问题总数"))),
           "first_contact_resolved", "total_issues",
           (ex({"first_contact_resolved": 80, "total_issues": 100}, 80, "002"),)),
    Formula(
        "aht", "aht", T("AHT", "AHT"),
        T("AHT = (talk time + hold time + after-call work) ÷ calls handled", "AHT = (通话时长 + 等待时长 + 话后处理时长) ÷ 处理通话数"),
        T(r"\text{AHT} = " + frac(r"\text{talk time} + \text{hold time} + \text{after-call work}", t("calls handled")),
          r"\text{AHT} = " + frac(r"\text{通话时长} + \text{等待时长} + \text{话后处理时长}", t("处理通话数"))),
        "time", inputs("talk_time", "hold_time", "after_call_work", "calls"),
    ),
    Formula(
        "health_score", "health-score", T("Health score", "健康度得分"),
        T("health score = Σ weightᵢ × scoreᵢ, weights normalised to sum to 1", "健康度得分 = Σ 权重ᵢ × 得分ᵢ，权重归一化为总和 1"),
        T(r"\text{health score} = " + frac(r"\sum_i \text{weight}_i \times \text{score}_i", r"\sum_i \text{weight}_i"),
          r"\text{健康度得分} = " + frac(r"\sum_i \text{权重}_i \times \text{得分}_i", r"\sum_i \text{权重}_i")),
        "number", inputs("scores", "weights"),
    ),
)

# Plausible figures where the sources give no worked example (see catalog.SAMPLES).
SAMPLES: dict[str, dict] = {
    "ces": {"high_scores": 140, "total_responses": 200},
    "aht": {"talk_time": 300, "hold_time": 60, "after_call_work": 90, "calls": 1},
    "health_score": {"scores": [80, 60, 90], "weights": [0.5, 0.3, 0.2]},
}
