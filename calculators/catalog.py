"""The one source of truth for every formula's metadata.

Term pages, calculator widgets, the browser worker and the tests all read
this module. It is Python rather than YAML so Pyodide can import it with
nothing but the standard library. Formula ids, input names, units and the
worked examples follow /shared/formula-contract.yml exactly; the tests check
that they still do.
"""
from __future__ import annotations

from dataclasses import replace

from .labels import LABELS
from .model import Choice, Example, Formula, Input, Text

T = Text
_MONTHS = T("months", "个月")
_PERCENT = T("%", "%")


def _in(name: str, kind: str, label: Text, help: Text, **extra) -> Input:
    return Input(name=name, kind=kind, label=label, help=help, **extra)


# --- inputs ----------------------------------------------------------------------
# Inputs that several formulas share are defined once so their labels agree
# across pages; a formula overrides the help text where the meaning narrows.

_LIB: dict[str, Input] = {item.name: item for item in (
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
        suffix=_MONTHS, minimum_exclusive=True),
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
        T("How many months a customer stays, on average.", "客户平均留存的月数。"), suffix=_MONTHS),
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
        suffix=_PERCENT, maximum=100),
    _in("monthly_churn_rate", "percent", T("Monthly churn rate", "月流失率"),
        T("Share of customers lost each month, in percent.", "每月流失客户的占比，以百分比计。"),
        suffix=_PERCENT, minimum_exclusive=True, maximum=100),
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
        T("Customers who moved to a higher plan or bought more.", "升级到更高套餐或加购的客户数。")),
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
        suffix=_PERCENT, minimum=-100),
    _in("profit_margin", "percent", T("Profit margin", "利润率"),
        T("Profit (often EBITDA or free cash flow) as a percent of revenue; may be negative.",
          "利润（常用 EBITDA 或自由现金流）占收入的百分比，可以为负。"),
        suffix=_PERCENT, minimum=None, maximum=100),
    _in("net_burn", "money", T("Net burn", "净烧钱额"),
        T("Cash spent minus cash received over the period.", "该期间现金支出减去现金收入。")),
    _in("net_new_arr", "money", T("Net new ARR", "净新增 ARR"),
        T("ARR added over the same period, after churn and contraction.", "同一期间扣除流失和收缩后净增加的 ARR。")),
    _in("current_quarter_revenue", "money", T("This quarter's revenue", "本季度收入"),
        T("Recurring revenue for the quarter just ended.", "刚结束季度的经常性收入。")),
    _in("previous_quarter_revenue", "money", T("Last quarter's revenue", "上季度收入"),
        T("Recurring revenue for the quarter before it.", "再前一个季度的经常性收入。")),
    _in("previous_quarter_sm_spend", "money", T("Last quarter's sales and marketing spend", "上季度销售与营销费用"),
        T("Sales and marketing spend in that earlier quarter.", "该前一季度的销售与营销费用。")),
)}


def _use(name: str, **overrides) -> Input:
    return replace(_LIB[name], **overrides) if overrides else _LIB[name]


def _inputs(*names: str | Input) -> tuple[Input, ...]:
    return tuple(item if isinstance(item, Input) else _use(item) for item in names)


def _ex(inputs: dict, value: float, source: str) -> Example:
    return Example(inputs=inputs, value=value, source=source)


def _share(fid: str, term: str, symbol: Text, formula: Text, latex: Text,
           part: str | Input, whole: str | Input, examples: tuple[Example, ...] = (),
           whole_first: bool = False) -> Formula:
    """A percent formula of the form part ÷ whole × 100; inputs keep the contract's order."""
    inputs = _inputs(whole, part) if whole_first else _inputs(part, whole)
    return Formula(fid, term, symbol, formula, latex, "percent", inputs, examples)


def _frac(top: str, bottom: str) -> str:
    return r"\frac{" + top + "}{" + bottom + "}"


def _t(words: str) -> str:
    return r"\text{" + words + "}"


def _pct_latex(symbol: str, top: str, bottom: str) -> str:
    return f"{_t(symbol)} = {_frac(top, bottom)} \\times 100"


def _pct_latex_t(symbol: Text, top: Text, bottom: Text) -> Text:
    return T(_pct_latex(symbol.en, _t(top.en), _t(bottom.en)), _pct_latex(symbol.zh, _t(top.zh), _t(bottom.zh)))


# --- formulas ----------------------------------------------------------------------

_ALL: tuple[Formula, ...] = (
    # ARR: three ways in, one term.
    Formula(
        "arr", "arr", T("ARR", "ARR"),
        T("ARR = MRR × 12", "ARR = MRR × 12"),
        T(r"\text{ARR} = \text{MRR} \times 12", r"\text{ARR} = \text{MRR} \times 12"),
        "money", _inputs("mrr"),
        (_ex({"mrr": 10000}, 120000, "002 (MRR = ARR / 12)"),),
        when_to_use=T("The default: use it when you already know MRR. ARR is twelve months of it.",
                      "默认用法：已知 MRR 时使用，ARR 就是 12 个月的 MRR。"),
    ),
    Formula(
        "arr_from_contract", "arr", T("ARR", "ARR"),
        T("ARR = contract value ÷ term in months × 12", "ARR = 合同金额 ÷ 合同月数 × 12"),
        T(r"\text{ARR} = " + _frac(_t("contract value"), _t("term in months")) + r" \times 12",
          r"\text{ARR} = " + _frac(_t("合同金额"), _t("合同月数")) + r" \times 12"),
        "money", _inputs("contract_value", "term_months"),
        (_ex({"contract_value": 15000, "term_months": 6}, 30000, "002"),),
        when_to_use=T("For one contract whose term is not a year: annualise its value (15k over 6 months is 30k of ARR).",
                      "适用于期限不是一年的单份合同：把合同金额折算成年度值（6 个月 1.5 万即 ARR 3 万）。"),
    ),
    Formula(
        "arr_from_fees", "arr", T("ARR", "ARR"),
        T("ARR = Σ per-customer fee per billing period × periods per year (month 12, quarter 4, year 1)",
          "ARR = Σ 每个客户每期费用 × 每年计费期数（按月 12，按季度 4，按年 1）"),
        T(r"\text{ARR} = \sum_i \text{fee}_i \times \text{periods per year}",
          r"\text{ARR} = \sum_i \text{每期费用}_i \times \text{每年计费期数}"),
        "money", _inputs("fees", "billing_period"),
        (_ex({"fees": [100, 200], "billing_period": "quarter"}, 1200, "000 (method)"),),
        when_to_use=T("When customers are billed monthly, quarterly or yearly and you have each customer's fee.",
                      "适用于按月、按季度或按年计费、且掌握每个客户费用的情况。"),
    ),
    # MRR
    Formula(
        "mrr", "mrr", T("MRR", "MRR"),
        T("MRR = Σ monthly subscription fees of all paying customers", "MRR = Σ 所有付费客户的月订阅费"),
        T(r"\text{MRR} = \sum_i \text{monthly fee}_i", r"\text{MRR} = \sum_i \text{月订阅费}_i"),
        "money", _inputs("monthly_fees"),
        when_to_use=T("The default: add up what every paying customer is billed each month.",
                      "默认用法：把每个付费客户每月的订阅费相加。"),
    ),
    Formula(
        "mrr_from_arpu", "mrr", T("MRR", "MRR"),
        T("MRR = ARPU × paying customers", "MRR = ARPU × 付费客户数"),
        T(r"\text{MRR} = \text{ARPU} \times \text{paying customers}", r"\text{MRR} = \text{ARPU} \times \text{付费客户数}"),
        "money", _inputs("arpu", "paying_customers"),
        when_to_use=T("A shortcut when you know the average monthly revenue per paying customer and how many there are, but not each fee.",
                      "简便算法：知道每个付费客户的月均收入和客户数量、但不掌握逐个费用时使用。"),
    ),
    Formula(
        "acv", "acv", T("ACV", "ACV"),
        T("ACV = total contract value ÷ term in months × 12", "ACV = 合同总价值 ÷ 合同月数 × 12"),
        T(r"\text{ACV} = " + _frac(_t("total contract value"), _t("term in months")) + r" \times 12",
          r"\text{ACV} = " + _frac(_t("合同总价值"), _t("合同月数")) + r" \times 12"),
        "money", _inputs("total_contract_value", "term_months"),
        (_ex({"total_contract_value": 40000, "term_months": 24}, 20000, "002"),),
    ),
    Formula(
        "tcv", "tcv", T("TCV", "TCV"),
        T("TCV = recurring fee per month × term in months + one-time fees", "TCV = 每月经常性费用 × 合同月数 + 一次性费用"),
        T(r"\text{TCV} = \text{recurring fee per month} \times \text{term in months} + \text{one-time fees}",
          r"\text{TCV} = \text{每月经常性费用} \times \text{合同月数} + \text{一次性费用}"),
        "money", _inputs("recurring_per_month", "term_months", "one_time_fees"),
    ),
    Formula(
        "arpa", "arpa", T("ARPA", "ARPA"),
        T("ARPA = revenue ÷ accounts", "ARPA = 收入 ÷ 账户数"),
        T(r"\text{ARPA} = " + _frac(_t("revenue"), _t("accounts")), r"\text{ARPA} = " + _frac(_t("收入"), _t("账户数"))),
        "money", _inputs("revenue", "accounts"),
        (_ex({"revenue": 100000, "accounts": 20}, 5000, "002"),),
    ),
    Formula(
        "arpu", "arpu", T("ARPU", "ARPU"),
        T("ARPU = revenue ÷ users", "ARPU = 收入 ÷ 用户数"),
        T(r"\text{ARPU} = " + _frac(_t("revenue"), _t("users")), r"\text{ARPU} = " + _frac(_t("收入"), _t("用户数"))),
        "money", _inputs("revenue", "users"),
        (_ex({"revenue": 50000, "users": 1000}, 50, "002"),),
    ),
    Formula(
        "cac", "cac", T("CAC", "CAC"),
        T("CAC = sales and marketing cost of acquisition ÷ new customers", "CAC = 获客所花的销售与营销费用 ÷ 新增客户数"),
        T(r"\text{CAC} = " + _frac(_t("sales and marketing cost"), _t("new customers")),
          r"\text{CAC} = " + _frac(_t("销售与营销费用"), _t("新增客户数"))),
        "money", _inputs("acquisition_cost", _use("new_customers", help=T(
            "Customers won with that spend.", "用这笔费用赢得的新客户数。"))),
        (_ex({"acquisition_cost": 10000, "new_customers": 10}, 1000, "002"),),
    ),
    Formula(
        "crc", "crc", T("Retention cost per customer", "平均留存成本"),
        T("average retention cost = total retention spend ÷ retained customers", "平均留存成本 = 留存总投入 ÷ 留存客户数"),
        T(r"\text{average retention cost} = " + _frac(_t("total retention spend"), _t("retained customers")),
          r"\text{平均留存成本} = " + _frac(_t("留存总投入"), _t("留存客户数"))),
        "money", _inputs("retention_cost", "retained_customers"),
    ),
    # LTV: the sources disagree, so every variant is shown and labelled.
    Formula(
        "ltv", "ltv", T("LTV", "LTV"),
        T("LTV = average monthly revenue per account × average lifetime in months", "LTV = 每账户月均收入 × 平均生命周期（月）"),
        T(r"\text{LTV} = \text{ARPA} \times \text{average lifetime in months}",
          r"\text{LTV} = \text{ARPA} \times \text{平均生命周期（月）}"),
        "money", _inputs("arpa", "lifetime_months"),
        (_ex({"arpa": 100, "lifetime_months": 36}, 3600, "002"),),
        # Seeds 002 and 001 give this plain product (001 as price × frequency × term).
        when_to_use=T("The default: revenue per account times how long accounts stay. It is the simple revenue view most sources give, with no costs taken out.",
                      "默认用法：每账户收入乘以平均留存时长。这是多数资料采用的简单收入口径，不扣除任何成本。"),
    ),
    Formula(
        "ltv_purchase", "ltv", T("LTV", "LTV"),
        T("LTV = average purchase value × purchase frequency × lifetime − acquisition cost",
          "LTV = 平均客单价 × 购买频率 × 客户生命周期 − 获客成本"),
        T(r"\text{LTV} = \text{average purchase value} \times \text{purchase frequency} \times \text{lifetime} - \text{acquisition cost}",
          r"\text{LTV} = \text{平均客单价} \times \text{购买频率} \times \text{客户生命周期} - \text{获客成本}"),
        "money", _inputs(
            "average_purchase_value", "purchase_frequency", "lifetime",
            _use("acquisition_cost", label=T("Acquisition cost per customer", "单个客户获客成本"),
                 help=T("What it cost to win one customer; leave blank to leave it out.",
                        "赢得一个客户的成本；不想扣除可留空。"),
                 optional=True, default=0)),
        # Seed 000 subtracts acquisition cost; with it blank this is seed 001's product.
        when_to_use=T("For purchase-based businesses, or to see value net of acquisition cost: one source subtracts the cost of winning the customer. Leave that cost blank for the gross figure.",
                      "适用于按次购买的业务，或想看扣除获客成本后的价值：有资料在这里减去了获客成本。获客成本留空即得到未扣除的数值。"),
    ),
    Formula(
        "ltv_churn", "ltv", T("LTV", "LTV"),
        T("LTV = ARPA × gross margin ÷ monthly churn rate", "LTV = ARPA × 毛利率 ÷ 月流失率"),
        T(r"\text{LTV} = " + _frac(r"\text{ARPA} \times \text{gross margin}", _t("monthly churn rate")),
          r"\text{LTV} = " + _frac(r"\text{ARPA} \times \text{毛利率}", _t("月流失率"))),
        "money", _inputs("arpa", "gross_margin", "monthly_churn_rate"),
        when_to_use=T("The standard SaaS form when you know gross margin and churn: lifetime is taken as 1 ÷ monthly churn, and only gross profit counts.",
                      "已知毛利率和流失率时的 SaaS 标准算法：生命周期按 1 ÷ 月流失率估算，只计毛利。"),
    ),
    Formula(
        "ltv_cac_ratio", "ltv-cac-ratio", T("LTV:CAC", "LTV:CAC"),
        T("LTV:CAC = LTV ÷ CAC", "LTV:CAC = LTV ÷ CAC"),
        T(r"\text{LTV:CAC} = \frac{\text{LTV}}{\text{CAC}}", r"\text{LTV:CAC} = \frac{\text{LTV}}{\text{CAC}}"),
        "ratio", _inputs("ltv", "cac"),
    ),
    Formula(
        "roi", "roi", T("ROI", "ROI"),
        T("ROI = (return − investment) ÷ investment × 100", "ROI = (收益 − 投入) ÷ 投入 × 100"),
        T(_pct_latex("ROI", r"\text{return} - \text{investment}", _t("investment")),
          _pct_latex("ROI", r"\text{收益} - \text{投入}", _t("投入"))),
        "percent", _inputs("return_value", "investment"),
        (_ex({"return_value": 30000, "investment": 10000}, 200, "002"),),
    ),
    # Retention and churn
    Formula(
        "nrr", "nrr", T("NRR", "NRR"),
        T("NRR = (starting MRR + expansion − contraction − churned MRR) ÷ starting MRR × 100",
          "NRR = (期初 MRR + 扩展 MRR − 收缩 MRR − 流失 MRR) ÷ 期初 MRR × 100"),
        T(_pct_latex("NRR", r"\text{starting MRR} + \text{expansion} - \text{contraction} - \text{churned MRR}", _t("starting MRR")),
          _pct_latex("NRR", r"\text{期初 MRR} + \text{扩展 MRR} - \text{收缩 MRR} - \text{流失 MRR}", _t("期初 MRR"))),
        "percent", _inputs("start_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr"),
        (_ex({"start_mrr": 100000, "expansion_mrr": 15000, "contraction_mrr": 2000, "churned_mrr": 3000}, 110,
             "002 (100k start, 110k end)"),),
    ),
    Formula(
        "grr", "grr", T("GRR", "GRR"),
        T("GRR = (starting MRR − contraction − churned MRR) ÷ starting MRR × 100",
          "GRR = (期初 MRR − 收缩 MRR − 流失 MRR) ÷ 期初 MRR × 100"),
        T(_pct_latex("GRR", r"\text{starting MRR} - \text{contraction} - \text{churned MRR}", _t("starting MRR")),
          _pct_latex("GRR", r"\text{期初 MRR} - \text{收缩 MRR} - \text{流失 MRR}", _t("期初 MRR"))),
        "percent", _inputs("start_mrr", "contraction_mrr", "churned_mrr"),
        (_ex({"start_mrr": 100000, "contraction_mrr": 0, "churned_mrr": 10000}, 90, "002"),),
    ),
    Formula(
        "customer_retention_rate", "crr", T("CRR", "客户留存率"),
        T("CRR = (customers at end − new customers) ÷ customers at start × 100",
          "客户留存率 = (期末客户数 − 新增客户数) ÷ 期初客户数 × 100"),
        T(_pct_latex("CRR", r"\text{customers at end} - \text{new customers}", _t("customers at start")),
          _pct_latex("客户留存率", r"\text{期末客户数} - \text{新增客户数}", _t("期初客户数"))),
        "percent", _inputs("start_customers", "end_customers", "new_customers"),
        (_ex({"start_customers": 100, "end_customers": 95, "new_customers": 5}, 90,
             "002 (100 at start, 10 lost), 004 (formula)"),),
    ),
    _share("customer_churn_rate", "churn-rate", T("Churn rate", "客户流失率"),
           T("churn rate = customers lost ÷ customers at start × 100", "客户流失率 = 流失客户数 ÷ 期初客户数 × 100"),
           _pct_latex_t(T("churn rate", "客户流失率"), T("customers lost", "流失客户数"), T("customers at start", "期初客户数")),
           "lost_customers", "start_customers",
           (_ex({"start_customers": 100, "lost_customers": 10}, 10, "002"),), whole_first=True),
    _share("revenue_churn_rate", "revenue-churn-rate", T("Revenue churn rate", "收入流失率"),
           T("revenue churn rate = MRR lost to cancellations ÷ starting MRR × 100", "收入流失率 = 因取消订阅流失的 MRR ÷ 期初 MRR × 100"),
           _pct_latex_t(T("revenue churn rate", "收入流失率"), T("churned MRR", "流失 MRR"), T("starting MRR", "期初 MRR")),
           "churned_mrr", "start_mrr", whole_first=True),
    _share("logo_retention", "logo-retention", T("Logo retention", "客户数量留存率"),
           T("logo retention = customers retained ÷ customers at start × 100", "客户数量留存率 = 留存客户数 ÷ 期初客户数 × 100"),
           _pct_latex_t(T("logo retention", "客户数量留存率"), T("customers retained", "留存客户数"), T("customers at start", "期初客户数")),
           _use("retained_customers", help=T("Customers from the start of the period still with you at its end.",
                                              "期初客户中到期末仍在的客户数。")),
           "start_customers",
           (_ex({"start_customers": 50, "retained_customers": 45}, 90, "002"),), whole_first=True),
    Formula(
        "yoy_growth", "yoy", T("YoY growth", "同比增长率"),
        T("YoY growth = (this period − same period last year) ÷ same period last year × 100",
          "同比增长率 = (本期值 − 去年同期值) ÷ 去年同期值 × 100"),
        T(_pct_latex("YoY growth", r"\text{this period} - \text{same period last year}", _t("same period last year")),
          _pct_latex("同比增长率", r"\text{本期值} - \text{去年同期值}", _t("去年同期值"))),
        "percent", _inputs("previous", "current"),
        (_ex({"previous": 50000, "current": 60000}, 20, "002"),),
    ),
    _share("renewal_rate", "renewal-rate", T("Renewal rate", "续签率"),
           T("renewal rate = customers who renewed ÷ customers up for renewal × 100", "续签率 = 已续约客户数 ÷ 到期客户数 × 100"),
           _pct_latex_t(T("renewal rate", "续签率"), T("customers who renewed", "已续约客户数"), T("customers up for renewal", "到期客户数")),
           "renewed_customers", "customers_due",
           (_ex({"renewed_customers": 90, "customers_due": 100}, 90, "002"),)),
    _share("dollar_renewal_rate", "dollar-renewal-rate", T("Dollar renewal rate", "金额续费率"),
           T("dollar renewal rate = renewed contract value ÷ contract value up for renewal × 100",
             "金额续费率 = 已续约合同金额 ÷ 到期合同金额 × 100"),
           _pct_latex_t(T("dollar renewal rate", "金额续费率"), T("renewed contract value", "已续约合同金额"),
                        T("contract value up for renewal", "到期合同金额")),
           "renewed_value", "value_due"),
    Formula(
        "user_net_growth_rate", "user-net-growth-rate", T("User net growth rate", "用户净增长率"),
        T("user net growth rate = (new users − lost users) ÷ users at start × 100",
          "用户净增长率 = (新增用户数 − 流失用户数) ÷ 期初用户数 × 100"),
        T(_pct_latex("user net growth rate", r"\text{new users} - \text{lost users}", _t("users at start")),
          _pct_latex("用户净增长率", r"\text{新增用户数} - \text{流失用户数}", _t("期初用户数"))),
        "percent", _inputs("start_users", "new_users", "lost_users"),
    ),
    _share("conversion_rate", "conversion-rate", T("Conversion rate", "付费转化率"),
           T("conversion rate = paying customers ÷ all users (trial or free) × 100",
             "付费转化率 = 付费客户数 ÷ 全部用户数（试用或免费）× 100"),
           _pct_latex_t(T("conversion rate", "付费转化率"), T("paying customers", "付费客户数"), T("all users", "全部用户数")),
           _use("paying_customers", help=T("Users from that group who became paying customers.", "这批用户中转为付费客户的数量。")),
           _use("total_users", help=T("All trial or free users in the group.", "这批试用或免费用户的总数。"))),
    _share("repeat_purchase_rate", "repeat-purchase-rate", T("Repeat purchase rate", "重复购买率"),
           T("repeat purchase rate = repeat transactions ÷ all transactions × 100", "重复购买率 = 重复购买交易数 ÷ 总交易数 × 100"),
           _pct_latex_t(T("repeat purchase rate", "重复购买率"), T("repeat transactions", "重复购买交易数"), T("all transactions", "总交易数")),
           "repeat_transactions", "total_transactions"),
    _share("expansion_rate", "expansion-revenue", T("Expansion rate", "扩展率"),
           T("expansion rate = expansion MRR ÷ existing MRR × 100", "扩展率 = 扩展 MRR ÷ 现有 MRR × 100"),
           _pct_latex_t(T("expansion rate", "扩展率"), T("expansion MRR", "扩展 MRR"), T("existing MRR", "现有 MRR")),
           "expansion_mrr", "start_mrr"),
    _share("upsell_rate", "upsell-rate", T("Upsell rate", "加售率"),
           T("upsell rate = customers who upgraded ÷ all customers × 100", "加售率 = 升级客户数 ÷ 客户总数 × 100"),
           _pct_latex_t(T("upsell rate", "加售率"), T("customers who upgraded", "升级客户数"), T("all customers", "客户总数")),
           "upsold_customers", "total_customers"),
    _share("cross_sell_rate", "cross-sell-rate", T("Cross-sell rate", "交叉销售率"),
           T("cross-sell rate = customers who bought another product ÷ all customers × 100",
             "交叉销售率 = 购买了其他产品的客户数 ÷ 客户总数 × 100"),
           _pct_latex_t(T("cross-sell rate", "交叉销售率"), T("customers who bought another product", "购买其他产品的客户数"),
                        T("all customers", "客户总数")),
           "cross_sold_customers", "total_customers"),
    _share("referral_rate", "referral-rate", T("Referral rate", "客户推荐率"),
           T("referral rate = customers who referred new business ÷ all customers × 100",
             "客户推荐率 = 推荐了新业务的客户数 ÷ 客户总数 × 100"),
           _pct_latex_t(T("referral rate", "客户推荐率"), T("customers who referred", "推荐客户数"), T("all customers", "客户总数")),
           "referring_customers", "total_customers"),
    _share("customer_concentration", "customer-concentration", T("Customer concentration", "客户集中度"),
           T("concentration = revenue of the largest customers ÷ total revenue × 100", "客户集中度 = 头部客户收入 ÷ 总收入 × 100"),
           _pct_latex_t(T("concentration", "客户集中度"), T("revenue of the largest customers", "头部客户收入"), T("total revenue", "总收入")),
           "top_customers_revenue", "total_revenue"),
    _share("adoption_rate", "adoption", T("Adoption rate", "采用率"),
           T("adoption rate = users who adopted the product or feature ÷ all users × 100",
             "采用率 = 采用该产品或功能的用户数 ÷ 用户总数 × 100"),
           _pct_latex_t(T("adoption rate", "采用率"), T("users who adopted", "采用用户数"), T("all users", "用户总数")),
           "adopting_users",
           _use("total_users", help=T("All users who could use the product or feature.", "能够使用该产品或功能的全部用户数。"))),
    # Satisfaction and service
    Formula(
        "nps", "nps", T("NPS", "NPS"),
        T("NPS = (promoters − detractors) ÷ all respondents × 100; promoters score 9-10, passives 7-8, detractors 0-6",
          "NPS = (推荐者 − 贬损者) ÷ 全部受访者 × 100；推荐者打 9–10 分，中立者 7–8 分，贬损者 0–6 分"),
        T(_pct_latex("NPS", r"\text{promoters} - \text{detractors}", r"\text{promoters} + \text{passives} + \text{detractors}"),
          _pct_latex("NPS", r"\text{推荐者} - \text{贬损者}", r"\text{推荐者} + \text{中立者} + \text{贬损者}")),
        "score", _inputs("promoters", "passives", "detractors"),
        (_ex({"promoters": 20, "passives": 20, "detractors": 10}, 20, "002"),),
    ),
    _share("csat", "csat", T("CSAT", "CSAT"),
           T("CSAT = satisfied responses (4-5 on a 5-point scale) ÷ all responses × 100",
             "CSAT = 满意回复数（5 分制中的 4–5 分）÷ 全部回复数 × 100"),
           T(_pct_latex("CSAT", _t("satisfied responses"), _t("all responses")),
             _pct_latex("CSAT", _t("满意回复数"), _t("全部回复数"))),
           "satisfied_responses", "total_responses",
           (_ex({"satisfied_responses": 80, "total_responses": 100}, 80, "002"),)),
    _share("ces", "ces", T("CES", "CES"),
           T("CES = responses scoring 5, 6 or 7 on a 7-point scale ÷ all responses × 100",
             "CES = 7 分制中打 5、6、7 分的回复数 ÷ 全部回复数 × 100"),
           T(_pct_latex("CES", _t("responses scoring 5–7"), _t("all responses")),
             _pct_latex("CES", _t("5–7 分回复数"), _t("全部回复数"))),
           "high_scores", "total_responses"),
    _share("fcr", "fcr", T("FCR", "FCR"),
           T("FCR = issues resolved on first contact ÷ all issues × 100", "FCR = 首次联系即解决的问题数 ÷ 问题总数 × 100"),
           T(_pct_latex("FCR", _t("issues resolved on first contact"), _t("all issues")),
             _pct_latex("FCR", _t("首次联系即解决的问题数"), _t("问题总数"))),
           "first_contact_resolved", "total_issues",
           (_ex({"first_contact_resolved": 80, "total_issues": 100}, 80, "002"),)),
    Formula(
        "aht", "aht", T("AHT", "AHT"),
        T("AHT = (talk time + hold time + after-call work) ÷ calls handled", "AHT = (通话时长 + 等待时长 + 话后处理时长) ÷ 处理通话数"),
        T(r"\text{AHT} = " + _frac(r"\text{talk time} + \text{hold time} + \text{after-call work}", _t("calls handled")),
          r"\text{AHT} = " + _frac(r"\text{通话时长} + \text{等待时长} + \text{话后处理时长}", _t("处理通话数"))),
        "time", _inputs("talk_time", "hold_time", "after_call_work", "calls"),
    ),
    Formula(
        "health_score", "health-score", T("Health score", "健康度得分"),
        T("health score = Σ weightᵢ × scoreᵢ, weights normalised to sum to 1", "健康度得分 = Σ 权重ᵢ × 得分ᵢ，权重归一化为总和 1"),
        T(r"\text{health score} = " + _frac(r"\sum_i \text{weight}_i \times \text{score}_i", r"\sum_i \text{weight}_i"),
          r"\text{健康度得分} = " + _frac(r"\sum_i \text{权重}_i \times \text{得分}_i", r"\sum_i \text{权重}_i")),
        "number", _inputs("scores", "weights"),
    ),
    # Lifecycle and usage
    Formula(
        "ttv", "ttv", T("TTV", "TTV"),
        T("TTV = date of first value − start date, in days", "TTV = 首次实现价值日期 − 开始日期，以天计"),
        T(r"\text{TTV} = \text{date of first value} - \text{start date}", r"\text{TTV} = \text{首次实现价值日期} - \text{开始日期}"),
        "days", _inputs("start_date", "value_date"),
        (_ex({"start_date": "2026-03-01", "value_date": "2026-03-08"}, 7, "002 (7 days)"),),
    ),
    _share("stickiness", "dau", T("Stickiness", "用户黏性"),
           T("stickiness = DAU ÷ MAU × 100", "用户黏性 = DAU ÷ MAU × 100"),
           T(_pct_latex("stickiness", r"\text{DAU}", r"\text{MAU}"), _pct_latex("用户黏性", r"\text{DAU}", r"\text{MAU}")),
           "dau", "mau",
           (_ex({"dau": 5000, "mau": 50000}, 10, "002 (DAU 5000, MAU 50000)"),)),
    # Beyond the sources
    Formula(
        "cac_payback", "cac-payback", T("CAC payback", "CAC 回收期"),
        T("CAC payback (months) = CAC ÷ (monthly ARPA × gross margin)", "CAC 回收期（月）= CAC ÷ (每账户月均收入 × 毛利率)"),
        T(r"\text{CAC payback (months)} = " + _frac(r"\text{CAC}", r"\text{monthly ARPA} \times \text{gross margin}"),
          r"\text{CAC 回收期（月）} = " + _frac(r"\text{CAC}", r"\text{每账户月均收入} \times \text{毛利率}")),
        "months", _inputs("cac", "arpa", "gross_margin"),
        (_ex({"cac": 1200, "arpa": 100, "gross_margin": 80}, 15, "common public example"),),
    ),
    Formula(
        "quick_ratio", "quick-ratio", T("Quick ratio", "快速比率"),
        T("SaaS quick ratio = (new MRR + expansion MRR) ÷ (churned MRR + contraction MRR)",
          "SaaS 快速比率 = (新增 MRR + 扩展 MRR) ÷ (流失 MRR + 收缩 MRR)"),
        T(r"\text{SaaS quick ratio} = " + _frac(r"\text{new MRR} + \text{expansion MRR}", r"\text{churned MRR} + \text{contraction MRR}"),
          r"\text{SaaS 快速比率} = " + _frac(r"\text{新增 MRR} + \text{扩展 MRR}", r"\text{流失 MRR} + \text{收缩 MRR}")),
        "ratio", _inputs("new_mrr", "expansion_mrr", "churned_mrr", "contraction_mrr"),
        (_ex({"new_mrr": 5000, "expansion_mrr": 1000, "churned_mrr": 1500, "contraction_mrr": 500}, 3,
             "common public example"),),
    ),
    Formula(
        "rule_of_40", "rule-of-40", T("Rule of 40 score", "40 法则得分"),
        T("Rule of 40 score = revenue growth rate (%) + profit margin (%)", "40 法则得分 = 收入增长率（%）+ 利润率（%）"),
        T(r"\text{Rule of 40 score} = \text{revenue growth rate} + \text{profit margin}",
          r"\text{40 法则得分} = \text{收入增长率} + \text{利润率}"),
        "percent", _inputs("growth_rate", "profit_margin"),
    ),
    Formula(
        "burn_multiple", "burn-multiple", T("Burn multiple", "烧钱倍数"),
        T("burn multiple = net burn ÷ net new ARR", "烧钱倍数 = 净烧钱额 ÷ 净新增 ARR"),
        T(r"\text{burn multiple} = " + _frac(_t("net burn"), _t("net new ARR")),
          r"\text{烧钱倍数} = " + _frac(_t("净烧钱额"), _t("净新增 ARR"))),
        "ratio", _inputs("net_burn", "net_new_arr"),
    ),
    Formula(
        "magic_number", "magic-number", T("Magic number", "魔法数字"),
        T("SaaS magic number = (this quarter's revenue − last quarter's) × 4 ÷ last quarter's sales and marketing spend",
          "SaaS 魔法数字 = (本季度收入 − 上季度收入) × 4 ÷ 上季度销售与营销费用"),
        T(r"\text{SaaS magic number} = " + _frac(r"(\text{this quarter's revenue} - \text{last quarter's}) \times 4",
                                                 r"\text{last quarter's sales and marketing spend}"),
          r"\text{SaaS 魔法数字} = " + _frac(r"(\text{本季度收入} - \text{上季度收入}) \times 4", _t("上季度销售与营销费用"))),
        "ratio", _inputs("current_quarter_revenue", "previous_quarter_revenue", "previous_quarter_sm_spend"),
    ),
)

# Plausible figures for the formulas the sources give no worked example for,
# so every widget opens with a result instead of an empty form.
SAMPLES: dict[str, dict] = {
    "mrr": {"monthly_fees": [500, 1200, 800]},
    "mrr_from_arpu": {"arpu": 50, "paying_customers": 400},
    "tcv": {"recurring_per_month": 2000, "term_months": 36, "one_time_fees": 5000},
    "crc": {"retention_cost": 60000, "retained_customers": 150},
    "ltv_purchase": {"average_purchase_value": 200, "purchase_frequency": 4, "lifetime": 3,
                     "acquisition_cost": 400},
    "ltv_churn": {"arpa": 100, "gross_margin": 80, "monthly_churn_rate": 2},
    "ltv_cac_ratio": {"ltv": 3600, "cac": 1200},
    "revenue_churn_rate": {"start_mrr": 100000, "churned_mrr": 4000},
    "dollar_renewal_rate": {"renewed_value": 450000, "value_due": 500000},
    "user_net_growth_rate": {"start_users": 2000, "new_users": 300, "lost_users": 100},
    "conversion_rate": {"paying_customers": 60, "total_users": 1000},
    "repeat_purchase_rate": {"repeat_transactions": 300, "total_transactions": 1200},
    "expansion_rate": {"expansion_mrr": 8000, "start_mrr": 100000},
    "upsell_rate": {"upsold_customers": 15, "total_customers": 200},
    "cross_sell_rate": {"cross_sold_customers": 12, "total_customers": 200},
    "referral_rate": {"referring_customers": 25, "total_customers": 500},
    "customer_concentration": {"top_customers_revenue": 300000, "total_revenue": 1200000},
    "adoption_rate": {"adopting_users": 420, "total_users": 600},
    "ces": {"high_scores": 140, "total_responses": 200},
    "aht": {"talk_time": 300, "hold_time": 60, "after_call_work": 90, "calls": 1},
    "health_score": {"scores": [80, 60, 90], "weights": [0.5, 0.3, 0.2]},
    "rule_of_40": {"growth_rate": 30, "profit_margin": 15},
    "burn_multiple": {"net_burn": 1500000, "net_new_arr": 1000000},
    "magic_number": {"current_quarter_revenue": 1250000, "previous_quarter_revenue": 1000000,
                     "previous_quarter_sm_spend": 1000000},
}

_ALL = tuple(replace(formula, sample=SAMPLES.get(formula.id, {})) for formula in _ALL)
_ALL = tuple(replace(formula, label=LABELS.get(formula.id)) for formula in _ALL)
FORMULAS: dict[str, Formula] = {formula.id: formula for formula in _ALL}
if len(FORMULAS) != len(_ALL):  # pragma: no cover - guards against a copy-paste id
    raise RuntimeError("duplicate formula id in the catalog")


def get_formula(formula_id: str) -> Formula:
    """The formula with this id; KeyError if there is none."""
    return FORMULAS[formula_id]


def formulas_for_term(term_id: str) -> list[Formula]:
    """Every formula of a glossary term, in catalog order (the default variant first)."""
    return [formula for formula in _ALL if formula.term == term_id]


def term_ids() -> list[str]:
    """Glossary terms that have at least one formula, in catalog order."""
    return list(dict.fromkeys(formula.term for formula in _ALL))


def _input_data(item: Input) -> dict:
    return {
        "name": item.name,
        "kind": item.kind,
        "label": item.label.as_dict(),
        "help": item.help.as_dict(),
        "suffix": item.suffix.as_dict() if item.suffix else None,
        "optional": item.optional,
        "default": item.default,
        "choices": [{"value": c.value, "label": c.label.as_dict()} for c in item.choices],
        "minimum": item.minimum,
        "minimum_exclusive": item.minimum_exclusive,
        "maximum": item.maximum,
    }


def formula_data(formula: Formula) -> dict:
    """A JSON-ready description of one formula, for templates and the browser."""
    return {
        "id": formula.id,
        "term": formula.term,
        "symbol": formula.symbol.as_dict(),
        "formula": formula.formula.as_dict(),
        "latex": formula.latex.as_dict(),
        "unit": formula.unit,
        "inputs": [_input_data(item) for item in formula.inputs],
        "examples": [{"inputs": dict(ex.inputs), "value": ex.value, "source": ex.source} for ex in formula.examples],
        "when_to_use": formula.when_to_use.as_dict() if formula.when_to_use else None,
        "label": formula.label.as_dict() if formula.label else None,
    }


def catalog_data() -> list[dict]:
    return [formula_data(formula) for formula in _ALL]
