"""Shared pieces of the catalog: the input library and helpers for writing entries.

Inputs that several formulas share are defined once here, so their labels
agree on every page; a formula overrides the help text where the meaning
narrows (`use("total_users", help=...)`). The family modules (catalog_*.py)
build their entries from these helpers.
"""
from __future__ import annotations

from dataclasses import replace

from .model import Choice, Example, Formula, Input, Text

T = Text
MONTHS = T("months", "个月")
PERCENT = T("%", "%")


def _in(name: str, kind: str, label: Text, help: Text, **extra) -> Input:
    return Input(name=name, kind=kind, label=label, help=help, **extra)


# --- inputs ----------------------------------------------------------------------

LIBRARY: dict[str, Input] = {item.name: item for item in (
    # revenue
    _in("mrr", "money", T("MRR", "MRR"),
        T("Monthly recurring revenue: the predictable subscription revenue billed each month.",
          "月度经常性收入：每月可预期的订阅收入。")),
    _in("contract_value", "money", T("Contract value", "合同金额"),
        T("Total value of the contract over its whole term.", "合同在整个期限内的总金额。")),
    _in("total_contract_value", "money", T("Total contract value", "合同总价值"),
        T("Value of the whole contract across its full term.", "合同在整个期限内的总价值。")),
    _in("term_months", "number", T("Term (months)", "合同期限（月）"),
        T("Length of the contract in months.", "合同的期限，以月计。"),
        suffix=MONTHS, minimum_exclusive=True),
    _in("fees", "list_money", T("Fee per billing period", "每期费用"),
        T("Each paying customer's fee for one billing period; one per line, or separated by commas.",
          "每个付费客户每个计费周期的费用；每行一个，或用逗号分隔。")),
    _in("billing_period", "choice", T("Billing period", "计费周期"),
        T("How often those fees are billed.", "上述费用多久收取一次。"),
        choices=(
            Choice("month", T("Monthly", "按月"), ("monthly", "月", "月度", "每月", "month", "mo")),
            Choice("quarter", T("Quarterly", "按季度"), ("quarterly", "季度", "季", "每季度", "按季", "qtr")),
            Choice("year", T("Yearly", "按年"), ("yearly", "annual", "annually", "年", "年度", "每年", "yr")),
        )),
    _in("monthly_fees", "list_money", T("Monthly fees", "每月订阅费"),
        T("The monthly subscription fee of each paying customer; one per line, or separated by commas.",
          "每个付费客户的月订阅费；每行一个，或用逗号分隔。")),
    _in("arpu", "money", T("ARPU (monthly)", "ARPU（月）"),
        T("Average monthly revenue per paying customer.", "每个付费客户每月带来的平均收入。")),
    _in("paying_customers", "count", T("Paying customers", "付费客户数"),
        T("Number of customers currently paying.", "当前付费的客户数量。")),
    _in("recurring_per_month", "money", T("Recurring fee per month", "每月经常性费用"),
        T("Subscription fee the contract bills each month.", "合同约定每月收取的订阅费用。")),
    _in("one_time_fees", "money", T("One-time fees", "一次性费用"),
        T("Setup, onboarding or other non-recurring fees; leave blank if there are none.",
          "实施、上线培训等非经常性费用；没有可留空。"),
        optional=True, default=0),
    _in("revenue", "money", T("Revenue", "收入"),
        T("Revenue over the period you are measuring.", "所统计期间内的收入。")),
    _in("accounts", "count", T("Accounts", "账户数"),
        T("Number of customer accounts that brought in that revenue.", "带来这部分收入的客户账户数。")),
    _in("users", "count", T("Users", "用户数"),
        T("Number of users who brought in that revenue.", "带来这部分收入的用户数。")),
    _in("acquisition_cost", "money", T("Acquisition spend", "获客费用"),
        T("Total sales and marketing spent on winning new customers in the period.",
          "该期间为赢得新客户投入的销售与营销总费用。")),
    _in("new_customers", "count", T("New customers", "新增客户数"),
        T("Customers won in the period.", "该期间新签的客户数。")),
    _in("retention_cost", "money", T("Retention spend", "留存投入"),
        T("Everything spent on keeping existing customers: CS salaries, tools, programmes.",
          "为留住现有客户投入的全部费用，如客户成功团队薪资、工具和活动。")),
    _in("retained_customers", "count", T("Retained customers", "留存客户数"),
        T("Existing customers kept over the same period.", "同一期间内留住的现有客户数。")),
    _in("arpa", "money", T("ARPA (monthly)", "ARPA（月）"),
        T("Average monthly revenue per account.", "每个账户每月带来的平均收入。")),
    _in("lifetime_months", "number", T("Average lifetime (months)", "平均生命周期（月）"),
        T("How many months a customer stays, on average.", "客户平均留存的月数。"), suffix=MONTHS),
    _in("average_purchase_value", "money", T("Average purchase value", "平均客单价"),
        T("Average amount a customer pays per purchase.", "客户每次购买的平均金额。")),
    _in("purchase_frequency", "number", T("Purchase frequency", "购买频率"),
        T("Average purchases per customer in one period, e.g. per year.",
          "每个客户在一个周期（如一年）内的平均购买次数。")),
    _in("lifetime", "number", T("Customer lifetime", "客户生命周期"),
        T("Average number of those periods a customer stays.", "客户平均留存的周期数，周期与购买频率一致。")),
    _in("gross_margin", "percent", T("Gross margin", "毛利率"),
        T("Share of revenue left after the cost of serving it, in percent.",
          "扣除服务成本后剩余收入的占比，以百分比计。"),
        suffix=PERCENT, maximum=100),
    _in("monthly_churn_rate", "percent", T("Monthly churn rate", "月流失率"),
        T("Share of customers lost each month, in percent.", "每月流失客户的占比，以百分比计。"),
        suffix=PERCENT, minimum_exclusive=True, maximum=100),
    _in("ltv", "money", T("LTV", "LTV"),
        T("Customer lifetime value: what one customer brings in over the relationship.",
          "客户生命周期价值：一个客户在整个合作期内带来的价值。")),
    _in("cac", "money", T("CAC", "CAC"),
        T("Customer acquisition cost: what it costs to win one customer.", "客户获取成本：赢得一个客户的成本。")),
    _in("return_value", "money", T("Return", "收益"),
        T("Total gain the investment brought in.", "这笔投资带来的总收益。")),
    _in("investment", "money", T("Investment", "投入"),
        T("What was invested.", "投入的成本。")),
    # retention
    _in("start_mrr", "money", T("Starting MRR", "期初 MRR"),
        T("MRR from existing customers at the start of the period.", "期初现有客户的月度经常性收入。")),
    _in("expansion_mrr", "money", T("Expansion MRR", "扩展 MRR"),
        T("MRR added by existing customers through upgrades, upsells and cross-sells.",
          "现有客户通过升级、加购和交叉购买新增的 MRR。")),
    _in("contraction_mrr", "money", T("Contraction MRR", "收缩 MRR"),
        T("MRR lost to downgrades by customers who stayed.", "仍在的客户因降级而减少的 MRR。")),
    _in("churned_mrr", "money", T("Churned MRR", "流失 MRR"),
        T("MRR lost to customers who cancelled.", "取消订阅的客户带走的 MRR。")),
    _in("start_customers", "count", T("Customers at start", "期初客户数"),
        T("Customers you had at the start of the period.", "期初的客户数量。")),
    _in("end_customers", "count", T("Customers at end", "期末客户数"),
        T("Customers you had at the end of the period, new ones included.", "期末的客户数量，含新客户。")),
    _in("lost_customers", "count", T("Customers lost", "流失客户数"),
        T("Customers from the start of the period who left during it.", "期初客户中在该期间流失的数量。")),
    _in("previous", "number", T("Same period last year", "去年同期值"),
        T("The figure a year earlier, e.g. last year's MRR for the same month.", "一年前同期的数值，如去年同月的 MRR。")),
    _in("current", "number", T("This period", "本期值"),
        T("The same figure for the current period.", "本期的同一数值。")),
    _in("renewed_customers", "count", T("Customers who renewed", "已续约客户数"),
        T("Customers up for renewal who did renew.", "到期客户中完成续约的数量。")),
    _in("customers_due", "count", T("Customers up for renewal", "到期客户数"),
        T("Customers whose contracts came up for renewal in the period.", "该期间合同到期、需要续约的客户数。")),
    _in("renewed_value", "money", T("Renewed contract value", "已续约合同金额"),
        T("Contract value that was renewed; it can exceed the value due when customers renew at a higher price.",
          "完成续约的合同金额；客户按更高价格续约时可能超过到期金额。")),
    _in("value_due", "money", T("Contract value up for renewal", "到期合同金额"),
        T("Total value of the contracts that came up for renewal.", "该期间到期、待续约的合同总金额。")),
    _in("start_users", "count", T("Users at start", "期初用户数"),
        T("Users at the start of the period.", "期初的用户数量。")),
    _in("new_users", "count", T("New users", "新增用户数"),
        T("Users who joined during the period.", "该期间新加入的用户数。")),
    _in("lost_users", "count", T("Lost users", "流失用户数"),
        T("Users who left during the period.", "该期间离开的用户数。")),
    _in("total_users", "count", T("All users", "用户总数"),
        T("All users in the group you are measuring.", "所统计群体的全部用户数。")),
    _in("repeat_transactions", "count", T("Repeat transactions", "重复购买交易数"),
        T("Transactions by customers who had bought before.", "老客户再次购买的交易数。")),
    _in("total_transactions", "count", T("All transactions", "总交易数"),
        T("Every transaction in the same period.", "同一期间的全部交易数。")),
    _in("upsold_customers", "count", T("Customers who upgraded", "升级客户数"),
        T("Customers who moved to a higher plan or tier in the period.", "该期间升级到更高套餐或版本的客户数。")),
    _in("total_customers", "count", T("All customers", "客户总数"),
        T("All customers in the same period.", "同一期间的全部客户数。")),
    _in("cross_sold_customers", "count", T("Customers who bought another product", "交叉购买客户数"),
        T("Customers who added a different product or service.", "购买了其他产品或服务的客户数。")),
    _in("referring_customers", "count", T("Customers who referred", "推荐客户数"),
        T("Customers who brought you new business through a referral.", "通过推荐为你带来新业务的客户数。")),
    _in("top_customers_revenue", "money", T("Revenue from the largest customers", "头部客户收入"),
        T("Revenue from the few customers you are looking at, e.g. the top 10.", "所关注的少数大客户（如前 10 名）带来的收入。")),
    _in("total_revenue", "money", T("Total revenue", "总收入"),
        T("Revenue from all customers in the same period.", "同一期间全部客户带来的收入。")),
    _in("adopting_users", "count", T("Users who adopted", "采用用户数"),
        T("Users actively using the product or feature.", "正在使用该产品或功能的用户数。")),
    _in("repeat_customers", "count", T("Customers who bought again", "复购客户数"),
        T("Customers with two or more purchases in the period.", "该期间购买了两次及以上的客户数。")),
    _in("annual_churn_rate", "percent", T("Annual churn rate", "年流失率"),
        T("Share of customers lost over a year, in percent.", "一年内流失客户的占比，以百分比计。"),
        suffix=PERCENT, maximum=100),
    _in("accounts_table", "table", T("Accounts table", "账户明细表"),
        T("One row per account with its MRR at the start and at the end of the period: a header row naming "
          "account, start_mrr and end_mrr (or 账户, 期初MRR, 期末MRR), then the rows, pasted from a spreadsheet "
          "or saved as CSV. Rows are numbered as in the spreadsheet, the header being row 1.",
          "每个账户一行，写明期初和期末的 MRR：第一行为表头，列名为 account、start_mrr、end_mrr"
          "（或 账户、期初MRR、期末MRR），其后每行一个账户；可直接从表格软件粘贴，或使用 CSV 文件。"
          "行号与表格软件一致，表头为第 1 行。")),
    # satisfaction and service
    _in("promoters", "count", T("Promoters (9–10)", "推荐者（9–10 分）"),
        T("Respondents who scored 9 or 10.", "打 9 或 10 分的受访者数。")),
    _in("passives", "count", T("Passives (7–8)", "中立者（7–8 分）"),
        T("Respondents who scored 7 or 8.", "打 7 或 8 分的受访者数。")),
    _in("detractors", "count", T("Detractors (0–6)", "贬损者（0–6 分）"),
        T("Respondents who scored 0 to 6.", "打 0 到 6 分的受访者数。")),
    _in("satisfied_responses", "count", T("Satisfied responses (4–5)", "满意回复数（4–5 分）"),
        T("Responses of 4 or 5 on a 5-point scale.", "5 分制中打 4 或 5 分的回复数。")),
    _in("total_responses", "count", T("All responses", "回复总数"),
        T("Every response to the survey.", "调查收到的全部回复数。")),
    _in("high_scores", "count", T("Responses scoring 5–7", "5–7 分回复数"),
        T("Responses of 5, 6 or 7 on a 7-point scale.", "7 分制中打 5、6 或 7 分的回复数。")),
    _in("first_contact_resolved", "count", T("Resolved on first contact", "首次联系即解决数"),
        T("Issues solved in the customer's first contact, with no follow-up.", "客户第一次联系时就解决、无需跟进的问题数。")),
    _in("total_issues", "count", T("All issues", "问题总数"),
        T("Every issue handled in the same period.", "同一期间处理的全部问题数。")),
    _in("talk_time", "number", T("Total talk time", "通话总时长"),
        T("Talk time summed over all calls, in one time unit (e.g. minutes).", "所有通话的通话时长之和，统一用一种时间单位（如分钟）。")),
    _in("hold_time", "number", T("Total hold time", "等待总时长"),
        T("Time customers were kept on hold, summed, in the same unit.", "客户被保持等待的时长之和，单位同上。")),
    _in("after_call_work", "number", T("Total after-call work", "话后处理总时长"),
        T("Wrap-up work after the calls, summed, in the same unit.", "通话结束后的整理工作时长之和，单位同上。")),
    _in("calls", "count", T("Calls handled", "处理通话数"),
        T("Number of calls those times cover.", "上述时长所涵盖的通话数量。")),
    _in("scores", "list_number", T("Scores", "各项得分"),
        T("The score of each health indicator (e.g. usage, support, NPS), on one scale; one per line or comma-separated.",
          "各健康指标（如使用、支持、NPS）的得分，使用同一量表；每行一个或用逗号分隔。"),
        minimum=None),
    _in("weights", "list_number", T("Weights", "权重"),
        T("How much each score counts, in the same order; they are scaled to sum to 1.",
          "每项得分的权重，顺序与得分一致；计算时会按比例缩放为总和 1。")),
    _in("confidence", "percent", T("Confidence level", "置信水平"),
        T("How sure the range should be, in percent; 95% is the usual choice.", "希望区间有多大把握，以百分比计；通常取 95%。"),
        suffix=PERCENT, optional=True, default=95, minimum=50, maximum=99.9),
    _in("scale_max", "choice", T("Scale", "量表"),
        T("The answer scale of the survey: 1 to 7, or 1 to 5.", "问卷的打分范围：1 到 7 分，或 1 到 5 分。"),
        optional=True, default=7,
        choices=(
            Choice("5", T("1–5 scale", "1–5 分制"), ("1-5", "1–5", "5-point", "5 point", "五分制", "5 分制", "5分制")),
            Choice("7", T("1–7 scale", "1–7 分制"), ("1-7", "1–7", "7-point", "7 point", "七分制", "7 分制", "7分制")),
        )),
    # lifecycle and usage
    _in("start_date", "date", T("Start date", "开始日期"),
        T("When the customer signed or started onboarding.", "客户签约或开始上线的日期。")),
    _in("value_date", "date", T("Date of first value", "首次实现价值日期"),
        T("When the customer first got the value they bought the product for.", "客户首次获得其购买产品所追求价值的日期。")),
    _in("dau", "count", T("DAU", "DAU"),
        T("Daily active users, averaged over the month.", "日活跃用户数，取当月平均值。")),
    _in("mau", "count", T("MAU", "MAU"),
        T("Monthly active users.", "月活跃用户数。")),
    # efficiency
    _in("new_mrr", "money", T("New MRR", "新增 MRR"),
        T("MRR from customers won in the period.", "该期间新客户带来的 MRR。")),
    _in("growth_rate", "percent", T("Revenue growth rate", "收入增长率"),
        T("Year-over-year revenue growth, in percent; may be negative.", "收入的同比增长率，以百分比计，可以为负。"),
        suffix=PERCENT, minimum=-100),
    _in("profit_margin", "percent", T("Profit margin", "利润率"),
        T("Profit (often EBITDA or free cash flow) as a percent of revenue; may be negative.",
          "利润（常用 EBITDA 或自由现金流）占收入的百分比，可以为负。"),
        suffix=PERCENT, minimum=None, maximum=100),
    _in("net_burn", "money", T("Net burn", "净烧钱额"),
        T("Cash spent minus cash received over the period.", "该期间现金支出减去现金收入。")),
    _in("net_new_arr", "money", T("Net new ARR", "净新增 ARR"),
        T("ARR added over the same period, after churn and contraction; it must be above 0.",
          "同一期间扣除流失和收缩后净增加的 ARR，须大于 0。")),
    _in("current_quarter_revenue", "money", T("This quarter's revenue", "本季度收入"),
        T("GAAP revenue for the quarter just ended: revenue recognized, not bookings.", "刚结束季度按 GAAP 确认的收入（确认收入，而非签约额）。")),
    _in("previous_quarter_revenue", "money", T("Last quarter's revenue", "上季度收入"),
        T("GAAP revenue for the quarter before it.", "再前一个季度按 GAAP 确认的收入。")),
    _in("previous_quarter_sm_spend", "money", T("Last quarter's sales and marketing spend", "上季度销售与营销费用"),
        T("Sales and marketing spend in that earlier quarter.", "该前一季度的销售与营销费用。")),
)}


# --- helpers for the family modules ---------------------------------------------

def use(name: str, **overrides) -> Input:
    return replace(LIBRARY[name], **overrides) if overrides else LIBRARY[name]


def inputs(*names: str | Input) -> tuple[Input, ...]:
    return tuple(item if isinstance(item, Input) else use(item) for item in names)


def ex(values: dict, value: float, source: str) -> Example:
    return Example(inputs=values, value=value, source=source)


def share(fid: str, term: str, symbol: Text, formula: Text, latex: Text,
          part: str | Input, whole: str | Input, examples: tuple[Example, ...] = (),
          whole_first: bool = False, when_to_use: Text | None = None) -> Formula:
    """A percent formula of the form part ÷ whole × 100; inputs keep the contract's order."""
    items = inputs(whole, part) if whole_first else inputs(part, whole)
    return Formula(fid, term, symbol, formula, latex, "percent", items, examples, when_to_use=when_to_use)


def frac(top: str, bottom: str) -> str:
    return r"\frac{" + top + "}{" + bottom + "}"


def t(words: str) -> str:
    return r"\text{" + words + "}"


def pct_latex(symbol: str, top: str, bottom: str) -> str:
    return f"{t(symbol)} = {frac(top, bottom)} \\times 100"


def pct_latex_t(symbol: Text, top: Text, bottom: Text) -> Text:
    return T(pct_latex(symbol.en, t(top.en), t(bottom.en)), pct_latex(symbol.zh, t(top.zh), t(bottom.zh)))
