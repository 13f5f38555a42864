"""Surveys and service: NPS, CSAT, CES, FCR, AHT and the health score.

Entries follow tests/data/formula-contract.yml exactly (ids, input names,
units, worked examples); catalog.py puts them in the contract's order.
"""
from __future__ import annotations

from .catalog_inputs import T, ex, frac, inputs, pct_latex, share, t, use
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
        when_to_use=T('The default: when you have the counts of promoters, passives and detractors.',
                      '默认用法：已知推荐者、中立者和贬损者各有多少人时使用。'),
    ),
    share("csat", "csat", T("CSAT", "CSAT"),
           T("CSAT = satisfied responses (4-5 on a 5-point scale) ÷ all responses × 100",
             "CSAT = 满意回复数（5 分制中的 4–5 分）÷ 全部回复数 × 100"),
           T(pct_latex("CSAT", t("satisfied responses"), t("all responses")),
             pct_latex("CSAT", t("满意回复数"), t("全部回复数"))),
           "satisfied_responses", "total_responses",
           (ex({"satisfied_responses": 80, "total_responses": 100}, 80, "002"),),
          when_to_use=T('The default: the share of satisfied responses (4 or 5 on a 5-point scale).',
                        '默认用法：满意回复（5 分制中的 4 或 5 分）所占的比例。')),
    share("ces", "ces", T("CES", "CES"),
           T("CES = responses scoring 5, 6 or 7 on a 7-point scale ÷ all responses × 100",
             "CES = 7 分制中打 5、6、7 分的回复数 ÷ 全部回复数 × 100"),
           T(pct_latex("CES", t("responses scoring 5–7"), t("all responses")),
             pct_latex("CES", t("5–7 分回复数"), t("全部回复数"))),
           "high_scores", "total_responses",
          when_to_use=T('When you report CES as the share of easy answers (5 to 7 on a 7-point scale) rather than as an average.',
                        '以“省力”回答（7 分制中的 5 到 7 分）所占比例而非平均分来报告 CES 时使用。')),
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
    Formula(
        "ces_mean", "ces", T("CES (mean)", "CES（均值）"),
        T("CES (mean) = Σ scores ÷ number of responses, on a 1–scale_max scale",
          "CES（均值）= Σ 各份回复的得分 ÷ 回复数，量表为 1 到 5 分或 1 到 7 分"),
        T(r"\text{CES (mean)} = " + frac(r"\sum_i \text{score}_i", t("number of responses")),
          r"\text{CES（均值）} = " + frac(r"\sum_i \text{得分}_i", t("回复数"))),
        "number", inputs(
            use("scores", label=T("Answers", "各份回复的得分"),
                help=T("Each respondent's answer on the survey's scale; one per line, or separated by commas or tabs, "
                       "as pasted from a spreadsheet column.",
                       "每位受访者的打分；每行一个，或用逗号、制表符分隔，可直接粘贴表格中的一列。"),
                minimum=1, max_items=100_000),
            "scale_max"),
        (ex({"scores": [5, 6, 7, 4, 3]}, 5.0, "002 (1-5 question), 004 (7-point)"),),
        when_to_use=T("When you have the answers themselves: the average score on a 1–7 (or 1–5) scale, "
                      "where higher means the task felt easier.",
                      "已拿到逐份打分时使用：求 1–7 分（或 1–5 分）量表上的平均分，分数越高表示越省力。"),
    ),
    Formula(
        "nps_from_scores", "nps", T("NPS", "NPS"),
        T("NPS from raw 0–10 answers: promoters 9–10, passives 7–8, detractors 0–6",
          "由 0–10 分的原始回答计算 NPS：9–10 分为推荐者，7–8 分为中立者，0–6 分为贬损者"),
        T(pct_latex("NPS", r"\#\{\text{answers} \ge 9\} - \#\{\text{answers} \le 6\}", r"\#\,\text{answers}"),
          pct_latex("NPS", r"\#\{\text{回答} \ge 9\} - \#\{\text{回答} \le 6\}", r"\#\,\text{回答}")),
        "score", inputs(
            use("scores", label=T("Answers (0–10)", "各份回复的分数（0–10）"),
                help=T("Each respondent's answer from 0 to 10; one per line, or separated by commas or tabs, "
                       "as pasted from a spreadsheet column.",
                       "每位受访者 0 到 10 分的回答；每行一个，或用逗号、制表符分隔，可直接粘贴表格中的一列。"),
                minimum=0, maximum=10, max_items=100_000)),
        (ex({"scores": [10, 9, 9, 8, 7, 6, 3, 10, 5, 9]}, 20, "002 bands"),),
        when_to_use=T("When you have the survey's raw answers: paste the column and the answers are sorted into "
                      "promoters, passives and detractors for you.",
                      "手头有问卷原始回答时使用：粘贴整列分数，自动归入推荐者、中立者和贬损者。"),
    ),
    Formula(
        "nps_margin_of_error", "nps", T("NPS margin of error", "NPS 误差范围"),
        T("margin of error = z × sqrt((p + d − (p − d)²) ÷ n) × 100, p and d the promoter and detractor shares, "
          "n all respondents, z the two-sided normal quantile of the confidence level (1.95996… at 95%)",
          "误差范围 = z × √((p + d − (p − d)²) ÷ n) × 100，其中 p、d 为推荐者和贬损者的占比，n 为全部受访者数，"
          "z 为置信水平对应的双侧正态分位数（95% 时为 1.95996…）"),
        T(r"\text{margin of error} = z \sqrt{\frac{p + d - (p - d)^2}{n}} \times 100",
          r"\text{误差范围} = z \sqrt{\frac{p + d - (p - d)^2}{n}} \times 100"),
        "score", inputs("promoters", "passives", "detractors", "confidence"),
        (ex({"promoters": 60, "passives": 25, "detractors": 15}, 14.502409125142046,
            "variance of a difference of multinomial shares"),
         ex({"promoters": 200, "passives": 100, "detractors": 100, "confidence": 90}, 6.819202894566553, "same")),
        when_to_use=T("To see how far a survey's NPS could be from the whole customer base's: NPS ± this margin "
                      "covers the true value at the chosen confidence, if the respondents are a random sample.",
                      "用来判断问卷得出的 NPS 与全体客户的真实 NPS 可能相差多少：若受访者是随机样本，"
                      "NPS ± 该误差即在所选置信水平下覆盖真实值。"),
    ),
    Formula(
        "csat_margin_of_error", "csat", T("CSAT margin of error", "CSAT 误差范围"),
        T("margin of error = z × sqrt(p (1 − p) ÷ n) × 100, p the satisfied share",
          "误差范围 = z × √(p (1 − p) ÷ n) × 100，其中 p 为满意回复的占比"),
        T(r"\text{margin of error} = z \sqrt{\frac{p (1 - p)}{n}} \times 100",
          r"\text{误差范围} = z \sqrt{\frac{p (1 - p)}{n}} \times 100"),
        "percent", inputs("satisfied_responses", "total_responses", "confidence"),
        (ex({"satisfied_responses": 80, "total_responses": 100}, 7.839855938160214, "normal approximation"),),
        when_to_use=T("To see how far a survey's CSAT could be from the whole customer base's: CSAT ± this margin, "
                      "in percentage points, at the chosen confidence.",
                      "用来判断问卷得出的 CSAT 与全体客户的真实值可能相差多少：CSAT ± 该误差（百分点），置信水平可选。"),
    ),
)

# Plausible figures where the sources give no worked example (see catalog.SAMPLES).
SAMPLES: dict[str, dict] = {
    "ces": {"high_scores": 140, "total_responses": 200},
    # A realistic day's queue: 60 calls at about 6.5 minutes each.
    "aht": {"talk_time": 270, "hold_time": 45, "after_call_work": 75, "calls": 60},
    "health_score": {"scores": [80, 60, 90], "weights": [0.5, 0.3, 0.2]},
}
