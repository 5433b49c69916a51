"""Every problem's words, by its code: (Chinese, English), the same `{values}` in both.

Grouped by where the problem is found (the comment above each group names the module). Worded by
`desktop.wording.problems.word`; tests/test_wording.py checks that every code the program raises is here and
that the English holds no Chinese."""

from __future__ import annotations

from typing import Final

CATALOGUE: Final[dict[str, tuple[str, str]]] = {
    "did_you_mean": ("；是否应为 {guess}？", "; did you mean {guess}?"),
    # -- an amount as typed in the window (desktop/money.py)
    "money.empty": ("请填写金额", "Please enter an amount"),
    "money.negative": ("金额不能为负数", "The amount cannot be negative"),
    "money.not_digits": (
        "“{text}”不是金额：请只填数字，例如 1200000、1,200,000 或 120万",
        "'{text}' is not an amount: enter digits only, e.g. 1200000 or 1,200,000",
    ),
    "money.separators": (
        "“{text}”的千位分隔符位置不对，例如应写作 1,200,000",
        "The thousands separators in '{text}' are misplaced; write e.g. 1,200,000",
    ),
    "money.not_amount": ("“{text}”不是金额", "'{text}' is not an amount"),
    "money.not_finite": ("金额必须是有限的数", "The amount must be a finite number"),
    "money.too_large": (
        "金额过大，请检查单位（元 / 万元）",
        "The amount is too large: please check the unit (yuan / 10,000 yuan)",
    ),
    "money.cents": ("金额最多保留两位小数（精确到分）", "Amounts have at most two decimal places (to the fen)"),
    # -- reading any input file (desktop/safe_read.py): said after the file's name
    "file.link_outside": ("是指向文件夹以外的链接，未读取", "A link that leads outside its folder; not read"),
    "file.unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "file.not_regular": (
        "不是普通文件（可能是管道、设备或文件夹），未读取",
        "Not a regular file (a pipe, a device or a folder); not read",
    ),
    "file.too_large": (
        "文件过大（{size}，最多 {limit}），未读取",
        "File too large ({size}, at most {limit}); not read",
    ),
    "file.grew": ("文件过大（超过 {limit}），未读取", "File too large (more than {limit}); not read"),
    # -- what an answers file may hold (desktop/engine/limits.py)
    "answers.too_many_digits": ("数字位数过多（{count} 位）", "Too many digits ({count})"),
    "answers.exponent": (
        "不能用科学计数法，请写成普通数字（如 100000）",
        "No exponent notation: write a plain number (such as 100000)",
    ),
    "answers.not_finite": (
        "不支持 {name}：金额必须是有限的数",
        "{name} is not supported: an amount must be a finite number",
    ),
    "answers.duplicate_key": (
        "键 {key} 在同一个对象中出现了两次（只能写一次）",
        "The key {key} appears twice in one object (write it once)",
    ),
    "answers.too_deep": (
        "嵌套过深（对象或数组的层数超过 {limit}）",
        "Nested too deep (more than {limit} levels of objects or arrays)",
    ),
    "answers.key_character": ("字段名含有不允许的字符", "The key holds a character that is not allowed"),
    "answers.bad_character": (
        "含有不允许的字符 {code}（控制字符或无效的 Unicode）",
        "Holds a character that is not allowed, {code} (a control character or invalid Unicode)",
    ),
    "text.too_long": ("文字过长（{count} 字，最多 {limit} 字）", "Text too long ({count} characters, at most {limit})"),
    "text.line_break": ("不能含有换行或制表符", "No line breaks or tabs"),
    "more_problems": ("……另有 {count} 处问题未列出", "… {count} more problems not listed"),
    # -- values as an answers file writes them (desktop/engine/file_values.py)
    "answers.money_bool": ("应为金额（数字），不是 true/false", "expected an amount (a number), not true/false"),
    "answers.money_form": (
        "{value}不是答卷文件的金额写法：只能有数字和小数点（如 1200000 或 1200000.50），"
        "不能用千位分隔符、“万”、全角数字、下划线或科学计数法",
        "{value} is not how an answers file writes money: digits and a decimal point only (1200000 or "
        "1200000.50), no thousands separators, no wan units, no full-width digits, underscores or exponents",
    ),
    "answers.money_type": (
        "应为金额（数字或数字字符串），实际为 {found}",
        "expected an amount (a number or a string of digits), found {found}",
    ),
    "answers.number_type": (
        "应为数（数字或数字字符串），实际为 {found}",
        "expected a number (digits, or digits in a string), found {found}",
    ),
    "answers.number_form": (
        "{value}不是答卷文件的数的写法：只能有数字和小数点（如 800000 或 800000.5）",
        "{value} is not how an answers file writes a number: digits and a decimal point only (800000 or 800000.5)",
    ),
    "answers.not_number": ("{value}不是数", "{value} is not a number"),
    "answers.number_not_finite": ("必须是有限的数", "must be a finite number"),
    "answers.number_negative": ("不能为负数", "cannot be negative"),
    "answers.number_too_large": ("数值过大，请检查单位", "the number is too large: check the unit"),
    "answers.number_places": ("最多保留四位小数", "at most four decimal places"),
    "answers.date_form": (
        "{value}不是日期：应按“年-月-日”写，例如 2025-06-18",
        "{value} is not a date: write year-month-day, e.g. 2025-06-18",
    ),
    "answers.no_such_month": (
        "{value}不是存在的日期（{year} 年没有 {month} 月）",
        "{value} is not a real date ({year} has no month {month})",
    ),
    "answers.no_such_day": (
        "{value}不是存在的日期（{year} 年 {month} 月没有 {day} 日）",
        "{value} is not a real date (month {month} of {year} has no day {day})",
    ),
    "answers.date_type": (
        "应为日期字符串（如 2025-06-18），实际为 {found}",
        "expected a date string (such as 2025-06-18), found {found}",
    ),
    # -- the credit code (desktop/engine/answers.py; the window's enterprise page too)
    "credit_code.length": (
        "统一社会信用代码应为 18 位，实际为 {count} 位",
        "A Unified Social Credit Code has 18 characters; this one has {count}",
    ),
    "credit_code.check": (
        "统一社会信用代码的校验位不正确，请逐位核对营业执照",
        "The check character of the Unified Social Credit Code is wrong: please compare it character by "
        "character with the business licence",
    ),
    "credit_code.characters": (
        "统一社会信用代码含有不允许的字符（只能是数字和大写字母，不含 I、O、Z、S、V）",
        "The Unified Social Credit Code contains characters that are not allowed (digits and capital letters "
        "only, without I, O, Z, S, V)",
    ),
    "credit_code.invalid": ("统一社会信用代码无效", "The Unified Social Credit Code is not valid"),
    # -- an answers file (desktop/engine/answers.py)
    "answers.not_utf8": ("文件不是 UTF-8 编码的文本", "the file is not UTF-8 text"),
    "answers.json": (
        "JSON 格式错误，第 {line} 行第 {column} 列附近：{reason}",
        "not a valid JSON file, near line {line}, column {column}: {reason}",
    ),
    "json.value_missing": (
        "此处缺少一个值（文件是否为空或被截断？）",
        "a value is missing here (is the file empty or cut off?)",
    ),
    "json.key_quotes": ("字段名应写在英文双引号中", "field names must be in double quotes"),
    "json.comma": ("缺少逗号", "a comma is missing"),
    "json.colon": ("缺少冒号", "a colon is missing"),
    "json.quote": ("文字缺少结束的引号", "a text is missing its closing quote"),
    "json.extra": ("文件结尾后还有多余的内容", "there is more content after the end of the document"),
    "json.control": ("含有不允许的控制字符", "it contains a control character that is not allowed"),
    "answers.not_object": ("文件内容应为 JSON 对象（{...}）", "The file should hold a JSON object ({...})"),
    "answers.format": ("不支持的格式 {found}，应为 {wanted}", "unsupported format {found}; expected {wanted}"),
    "field.unknown": ("未知的字段{suggestion}", "unknown field{suggestion}"),
    "answers.unknown_question": ("未知的问题编号{suggestion}", "unknown question ID{suggestion}"),
    "answers.policy_type": (
        "应为政策包编号（文字），实际为 {found}",
        "expected a policy pack ID (text), found {found}",
    ),
    "answers.guide_type": (
        "应为申报指南编号（文字），实际为 {found}",
        "expected an application guide id (text), found {found}",
    ),
    "field.object": ("应为对象（{...}）", "expected an object ({...})"),
    "answers.credit_code": ("{problem}（{code}）", "{problem} ({code})"),
    "answers.bool_type": ("应为 true 或 false，实际为 {found}", "expected true or false, found {found}"),
    "answers.choice_unknown": (
        "未知的选项 {found}，应为 {allowed} 之一",
        "unknown option {found}; expected one of {allowed}",
    ),
    "answers.text_type": ("应为文字，实际为 {found}", "expected text, found {found}"),
    "answers.integer_type": ("应为整数，实际为 {found}", "expected a whole number, found {found}"),
    "answers.below_min": ("不能小于 {low}（实际为 {found}）", "cannot be less than {low} (found {found})"),
    "answers.above_max": ("不能大于 {high}（实际为 {found}）", "cannot be more than {high} (found {found})"),
    "answers.unknown_type": ("未知的题型 {type}", "unknown kind of question {type}"),
    "answers.items_type": (
        '应为支持项目编号的数组（如 ["equipment"]），实际为 {found}',
        'expected an array of item ids (such as ["equipment"]), found {found}',
    ),
    "answers.item_unknown": ("未知的支持项目 {found}{suggestion}", "unknown item {found}{suggestion}"),
    "answers.table_type": ("应为记录的数组（[...]）", "expected an array of records ([...])"),
    "answers.too_many_rows": ("记录过多（{count} 条，最多 {limit} 条）", "Too many records ({count}, at most {limit})"),
    "answers.row_object": ("第 {n} 条应为对象（{...}）", "record {n} should be an object ({...})"),
    "answers.row_unknown_field": (
        "第 {n} 条：未知的字段 {found}{suggestion}",
        "record {n}: unknown field {found}{suggestion}",
    ),
    "answers.row_field": ("第 {n} 条{field}：{problem}", "record {n}, {field}: {problem}"),
    "answers.row_missing": ("第 {n} 条：缺少{field}", "record {n}: {field} is missing"),
    "answers.rows": ("{problems}", "{problems}"),
    "answers.carried_over": (
        "原答卷对全部项目的一个回答（是，{old}）已沿用到每一项（{count} 项）；请逐项核对，只保留确实如此的项目",
        "the one answer an earlier version asked for every project (yes, {old}) was carried over to each item "
        "({count} items); check them one by one and keep only those it is true of",
    ),
    "internal": ("程序内部错误（{kind}）", "internal error of the program ({kind})"),
    # -- documents, claims and amounts received in an answers file (desktop/engine/filing_file.py)
    "field.missing": ("缺少此字段", "this field is missing"),
    "filing.path_empty": ("文件路径为空", "the file path is empty"),
    "filing.path_long": (
        "文件路径过长（{count} 个字符，最多 {limit}）",
        "the file path is too long ({count} characters, at most {limit})",
    ),
    "filing.path_absolute": (
        "文件路径 {path} 应相对于答卷文件所在的文件夹，不能是绝对路径",
        "the file path {path} must be relative to the answers file's folder, not absolute",
    ),
    "filing.path_up": (
        "文件路径 {path} 不能用“..”指向答卷文件所在文件夹以外",
        "the file path {path} cannot point outside the answers file's folder with '..'",
    ),
    "filing.path_characters": (
        "文件路径 {path} 含有文件名中不允许的字符",
        "the file path {path} holds characters not allowed in file names",
    ),
    "filing.unknown_item": ("未知的支持项目编号{suggestion}", "unknown item ID{suggestion}"),
    "filing.too_many_documents": (
        "材料过多（{count} 项，最多 {limit} 项）",
        "too many documents ({count}, at most {limit})",
    ),
    "filing.document_id": (
        "材料编号应由小写英文字母、数字和下划线组成，以字母开头{suggestion}",
        "a document ID is lower-case letters, digits and underscores, starting with a letter{suggestion}",
    ),
    "filing.document_unlisted": (
        "该支持项目的材料清单中没有这一项（清单：{known}）{suggestion}；自行添加的材料请写明 title（材料名称）",
        "this item's list of documents has no such document (the list: {known}){suggestion}; a document you add "
        "needs a title",
    ),
    "filing.document_state": (
        "未知的状态 {found}，应为 have（已备）、missing（缺）或 help（需协助）之一",
        "unknown state {found}; expected have, missing or help",
    ),
    "filing.files_type": ("应为文件路径的数组（[...]）", "expected an array of file paths ([...])"),
    "filing.too_many_files": ("文件过多（{count} 个，最多 {limit} 个）", "too many files ({count}, at most {limit})"),
    "filing.file_type": ("应为文件路径（文字），实际为 {found}", "expected a file path (text), found {found}"),
    "filing.file_twice": ("文件 {path} 在同一项材料中列了两次", "the file {path} is listed twice for one document"),
    "filing.service": (
        "这是一项服务，无需申报，不能记录申报进度",
        "this is a service: there is nothing to apply for, so no claim can be recorded",
    ),
    "filing.claim_state": (
        "未知的申报状态 {found}，应为 {allowed} 之一",
        "unknown claim state {found}; expected one of {allowed}",
    ),
    "filing.received_type": ("应为已获拨付记录的数组（[...]）", "expected an array of amounts received ([...])"),
    "claim.paid_needs_amount": ("已拨付的申报须填写拨付金额", "a paid claim needs the amount paid"),
    "claim.paid_needs_date": ("已拨付的申报须填写拨付日期", "a paid claim needs the date of payment"),
    "claim.only_paid": (
        "只有已拨付（paid）的申报才有拨付金额和日期",
        "only a paid claim has an amount and a date of payment",
    ),
    "claim.amount_positive": ("拨付金额应大于 0", "the amount paid must be more than 0"),
    "claim.after_today": ("{name} {day} 晚于今天（{today}）", "{name} {day} is after today ({today})"),
    "claim.before": ("{later} {second} 早于{earlier} {first}", "{later} {second} is before {earlier} {first}"),
    # -- the lists recorded in an answers file (desktop/engine/list_totals.py)
    "lists.count": (
        "应为 0 至 {most} 的整数（行数），实际为 {found}",
        "expected a whole number from 0 to {most} (rows), found {found}",
    ),
    "lists.moment": (
        "应为带时区的日期时间（如 2026-12-05T10:12:00+08:00），实际为 {found}",
        "expected a date and time with its time zone (such as 2026-12-05T10:12:00+08:00), found {found}",
    ),
    "lists.unknown": (
        "政策包 {pack} 中没有这份清单（已有：{known}）",
        "pack {pack} has no such list (it has: {known})",
    ),
    "lists.unknown_field": ("未知的字段（只有 {fields}）", "unknown field (only {fields})"),
    "lists.source_type": ("应为文件名（文字），实际为 {found}", "expected a file name (text), found {found}"),
    # -- a pack file, entry by entry (desktop/policy/loader.py); said after "file: entry.field: "
    "pack.table": ("应为表（table）", "expected a table"),
    "pack.tables": ("应为表的数组（array of tables）", "expected an array of tables"),
    "pack.string_type": ("应为字符串，实际为 {value}", "expected a string; found {value}"),
    "pack.empty": ("不能为空", "cannot be empty"),
    "pack.date_type": (
        "应为日期（如 2025-04-15），实际为 {value}",
        "expected a date (such as 2025-04-15); found {value}",
    ),
    "pack.number_type": (
        '金额和比例应写成字符串或整数（如 "0.30"），实际为 {value}',
        'amounts and rates are written as strings or integers (such as "0.30"); found {value}',
    ),
    "pack.not_number": ("不是数字：{value}", "not a number: {value}"),
    "pack.not_finite": ("必须是有限的数：{value}", "must be a finite number: {value}"),
    "pack.negative": ("不能为负数：{value}", "cannot be negative: {value}"),
    "pack.integer_type": ("应为整数，实际为 {value}", "expected an integer; found {value}"),
    "pack.choice_unknown": (
        "未知的取值 {value}，应为 {allowed} 之一",
        "unknown value {value}; expected one of {allowed}",
    ),
    "pack.document_id": (
        "材料编号 {value} 应由小写英文字母、数字和下划线组成，以字母开头，最多 60 个字符",
        "document id {value} should be lower-case letters, digits and underscores, starting with a letter, "
        "at most 60 characters",
    ),
    "pack.document_twice": ("材料编号 {value} 在同一支持项目中重复", "document id {value} appears twice in one item"),
    "pack.choice_values_twice": ("选项的 value 有重复", "two choices have the same value"),
    "pack.table_in_table": ("表格中的字段不能再是表格", "a field of a table cannot be a table"),
    "pack.choice_needs_choices": ("选择题至少要有一个选项", "a choice question needs at least one choice"),
    "pack.items_no_choices": (
        "项目清单题的选项是政策包的支持项目，不能另写 choices",
        "the choices of a list-of-items question are the pack's items: write no choices",
    ),
    "pack.replaces_items": (
        'replaces 只用于项目清单题（type = "items"）',
        'replaces is only for a list-of-items question (type = "items")',
    ),
    "pack.table_needs_fields": ("表格题至少要有一个字段", "a table question needs at least one field"),
    "pack.unit": ("只有整数题和数量题有单位", "only integer and quantity questions have a unit"),
    "pack.glossary_keys": ("应为术语编号的数组", "expected an array of glossary keys"),
    "pack.strings_nonempty": ("应为非空字符串的数组", "expected an array of non-empty strings"),
    "pack.history_type": (
        '应为 { items = ["支持项目编号", …], policies = ["政策包编号", …] }',
        'expected { items = ["item id", …], policies = ["pack id", …] }',
    ),
    "pack.history_money": (
        "只有金额题和项目清单题可以从已获拨付记录中读取",
        "only a money question or a list-of-items question can be read from the amounts received",
    ),
    "pack.history_items": ("至少要列出一个支持项目编号", "name at least one item id"),
    "pack.amount_needs_rule": ("金额类（amount）支持项必须有计算规则", "an amount item needs a rule"),
    "pack.kind_no_rule": ("{kind} 类支持项不能有计算规则", "a {kind} item cannot have a rule"),
    "pack.interpretation_keys": ("应为口径说明编号的数组", "expected an array of interpretation ids"),
    "pack.interpretation_unknown": ("未知的口径说明 {value}{suggestion}", "unknown interpretation {value}{suggestion}"),
    "pack.article": ("条款序号应为正整数", "the article number should be a positive integer"),
    "pack.units": ("责任单位应为非空的字符串数组", "the responsible units should be a non-empty array of strings"),
    "pack.strings": ("应为字符串数组", "expected an array of strings"),
    "pack.units_en": ("英文责任单位的个数应与 units 相同", "units_en should list as many units as units"),
    "pack.measure_items": ("每条措施至少要有一个支持项", "every measure needs at least one item"),
    "pack.section_twice": ("分节编号 {value} 重复", "section id {value} appears twice"),
    "pack.question_twice": ("问题编号 {value} 重复", "question id {value} appears twice"),
    "pack.section_unknown": ("未知的分节 {value}", "unknown section {value}"),
    "pack.glossary_unknown": ("未知的术语 {value}", "unknown glossary key {value}"),
    "pack.min_max": ("min 大于 max", "min is greater than max"),
    "pack.replaces_known": (
        "replaces 的问题编号 {value} 已是本政策包的问题",
        "replaces names {value}, which is a question of this pack",
    ),
    "pack.item_twice": ("支持项编号 {value} 重复", "item id {value} appears twice"),
    "pack.item_no_amount": (
        "引用了不存在的金额支持项 {value}（该项不是金额类，没有金额）",
        "names the item {value}, which has no amount (not an amount item)",
    ),
    "pack.item_unknown": ("引用了不存在的金额支持项 {value}", "names an amount item that does not exist: {value}"),
    "pack.item_cycle": (
        "支持项的金额互相引用，形成循环：{cycle}",
        "items' amounts depend on each other in a circle: {cycle}",
    ),
    "pack.interpretation_twice": ("口径说明编号 {value} 重复", "interpretation id {value} appears twice"),
    "pack.glossary_entry": (
        "应为表（[glossary.术语编号]，含 term、text）",
        "expected a table ([glossary.KEY] with term and text)",
    ),
    "pack.valid_to": ("截止日 {end} 早于起始日 {start}", "the end date {end} is before the start date {start}"),
    "pack.period_pair": (
        "period_from 与 period_to 应同时给出（所覆盖的经营期间的起止日）",
        "period_from and period_to go together (the first and last day of the period of activity covered)",
    ),
    "pack.period_order": (
        "期间的截止日 {end} 早于起始日 {start}",
        "the period's end {end} is before its start {start}",
    ),
    "pack.no_measures": ("政策包至少要有一条措施", "a pack needs at least one measure"),
    "pack.bool_type": ("应为 true 或 false", "expected true or false"),
    # -- conditions and rules of a pack (desktop/policy/rules/ and conditions/)
    "rules.question_name": ("应为问题编号（文字），实际为 {value}", "expected a question id (text); found {value}"),
    "rules.question_unknown": (
        "引用了不存在的问题 {value}{suggestion}",
        "names a question that does not exist: {value}{suggestion}",
    ),
    "rules.wrong_type": ("{need}；{question} 是{kind}", "{need}; {question} is {kind}"),
    "rules.cents": (
        "金额最多保留两位小数（精确到分），实际为 {value}",
        "an amount has at most two decimal places (to the fen); found {value}",
    ),
    "rules.rate_range": (
        '比例应在 0 到 1 之间（30% 写作 "0.30"），实际为 {value}',
        'a rate lies between 0 and 1 (30% is "0.30"); found {value}',
    ),
    "rules.band_integer": (
        "{question} 是整数题，档位界限应为整数，实际为 {value}",
        "{question} is a whole-number question: band limits are integers; found {value}",
    ),
    "rules.condition_table": (
        "条件应为表（{ question = …, equals = … }）",
        "a condition is a table ({ question = …, equals = … })",
    ),
    "rules.item_not_in": (
        "item_not_in 只能用于支持项目的条件和基本条件",
        "item_not_in is only for the conditions of items and basic conditions",
    ),
    "rules.one_test": ("条件须且只能有一种判断：{ops} 之一", "a condition has exactly one test: one of {ops}"),
    "rules.group_question": (
        "{key} 条件不写 question，写在各个子条件中",
        "an {key} condition has no question; each of its conditions has one",
    ),
    "rules.conditions": ("应为至少一个条件的数组", "expected an array of at least one condition"),
    "rules.bars_basic": (
        "只有基本条件（common_conditions）可以写 bars",
        "only a basic condition (common_conditions) may have bars",
    ),
    "rules.remedy": (
        "bars = true 的基本条件须写明 remedy（怎样才能再申请）",
        "a basic condition with bars = true needs a remedy (what to do to apply again)",
    ),
    "rules.equals_bool": (
        "问题 {question} 是是非题，应为 true 或 false",
        "question {question} is a yes/no question: expected true or false",
    ),
    "rules.no_choice": ("问题 {question} 没有选项 {value}", "question {question} has no choice {value}"),
    "rules.equals": (
        "问题 {question} 是{kind}，不能用 equals 判断 {value}",
        "question {question} is {kind}; equals cannot test it against {value}",
    ),
    "rules.not_choice": ("问题 {question} 不是选择题", "question {question} is not a choice question"),
    "rules.choice_values": ("应为选项值的数组", "expected an array of choice values"),
    "rules.not_number": (
        "问题 {question} 不是数值题（是{kind}），不能比较大小",
        "question {question} is not a number ({kind}): it cannot be compared",
    ),
    "rules.between_pair": ("应为 [起, 止] 两个值（两端都含）", "expected [from, to], two values (both included)"),
    "rules.between_order": (
        "起点 {low} 晚于（大于）终点 {high}",
        "the start {low} is after (greater than) the end {high}",
    ),
    "rules.not_date_kind": (
        "问题 {question} 不是日期题（是{kind}）",
        "question {question} is not a date question ({kind})",
    ),
    "rules.only_true": ("只能写 true", "can only be true"),
    "rules.not_items": ("问题 {question} 不是项目清单题", "question {question} is not a list-of-items question"),
    "rules.not_date": ("问题 {question} 不是日期题", "question {question} is not a date question"),
    "rules.between_type": (
        "问题 {question} 既不是日期题也不是数值题，不能用 between",
        "question {question} is neither a date nor a number: between cannot test it",
    ),
    "rules.integer": (
        "问题 {question} 是整数题，应为整数，实际为 {value}",
        "question {question} is a whole-number question: expected an integer, found {value}",
    ),
    "rules.block_type": (
        '应为计算块（如 { rate = "0.30", of = "premium" }）或金额',
        'expected a block (such as { rate = "0.30", of = "premium" }) or an amount',
    ),
    "rules.block_kinds": (
        "一个计算块只能有一种计算，此处同时有 {kinds}；请拆成 sum 等组合",
        "a block computes one thing; this one has {kinds}: split it with sum or the like",
    ),
    "rules.block_unknown": (
        "未知的计算块：应有 {keys} 之一（实际的字段：{found}）",
        "unknown block: it should have one of {keys} (its fields: {found})",
    ),
    "rules.block_field": ("{kind} 块没有此字段{suggestion}", "the {kind} block has no such field{suggestion}"),
    "rules.cap_name": ("没有 cap 时不能写 cap_name", "cap_name without a cap"),
    "rules.minus": (
        "minus 减去的应为金额题（已获得的金额）",
        "minus subtracts money questions (amounts already received)",
    ),
    "rules.floor": (
        "起付额 {floor} 高于上限 {cap}：这样永远不会支付",
        "the minimum {floor} is above the cap {cap}: nothing would ever be paid",
    ),
    "rules.of_missing": ("缺少此字段：按什么金额计算？", "this field is missing: the amount to compute from"),
    "rules.of_money": ("of 应为金额题或计算块", "of should be a money question or a block"),
    "rules.rate_of_rate": (
        '比例只能是数（如 "0.30"）；比例乘比例不是金额，请把 rate 写在 of 的金额上',
        'a rate is a number (such as "0.30"); a rate of a rate is no amount: put the rate on the amount in of',
    ),
    "rules.rate_needs_of": (
        "比例不是金额：rate 须与 of（按哪项金额的比例）一起使用",
        "a rate is not an amount: rate goes with of (the amount it is a share of)",
    ),
    "rules.per_of_missing": (
        "缺少此字段：按什么数量计算（人数、美元……）？",
        "this field is missing: the quantity to compute from (people, USD…)",
    ),
    "rules.per_of": (
        "per 按数量计算，of 应为整数题或数量题（金额请用 rate）",
        "per computes from a quantity: of should be an integer or quantity question (for money use rate)",
    ),
    "rules.per_of_block": (
        "per 按数量计算：of 的计算块应计数量（如数量题的 excess），此块计的是金额（金额请用 rate）",
        "per computes from a quantity: a block in of should count one (an excess of quantity questions); this "
        "one gives yuan (for money use rate)",
    ),
    "rules.excess_of": (
        "excess 应为金额题或数量题（按其超过参考值的部分计算）",
        "excess should name a money or quantity question (the figure measured above a reference)",
    ),
    "rules.excess_over_missing": (
        "缺少此字段：超过哪项参考值（over）？",
        "this field is missing: the reference the amount is measured above (over)",
    ),
    "rules.excess_over": (
        "over 应为金额题或数量题（参考值）",
        "over should name a money or quantity question (the reference)",
    ),
    "rules.excess_units": (
        "excess 与 over 应为同一类、同一单位的问题（{of} 与 {over} 不同）",
        "excess and over should be questions of one type and unit ({of} and {over} differ)",
    ),
    "rules.quantity_block": (
        "此块按 {question} 的单位计数量，不是金额：只能写在 per 的 of 中（每单位多少元）",
        "this block counts a quantity in the unit of {question}, not yuan: it stands only as the of of a per",
    ),
    "rules.quantity_mods": (
        "此块按 {question} 的单位计数量：cap、minus、floor 是金额，请写在 per 块上",
        "this block counts a quantity in the unit of {question}: cap, minus and floor are sums, put them on the per",
    ),
    "rules.excess_same": (
        "excess 与 over 是同一问题 {question}：超过部分永远为 0",
        "excess and over are the same question {question}: nothing could ever be above it",
    ),
    "rules.parts": ("应为至少两个计算块的数组", "expected an array of at least two blocks"),
    "rules.best_of_label": (
        "每种方式都要有名称（label），说明时要写出选了哪种",
        "every route needs a label, so that the explanation can say which was chosen",
    ),
    "rules.tiers_by": ("tiers 应为按其分档的数值题", "tiers should name the number question the bands are of"),
    "rules.tiers_table": (
        "应为档位的数组：[{ from = …, amount = … }, …]",
        "expected an array of bands: [{ from = …, amount = … }, …]",
    ),
    "rules.band_field": ("档位没有此字段{suggestion}", "a band has no such field{suggestion}"),
    "rules.band_from": ("缺少此字段：本档从多少起（含）", "this field is missing: where the band starts (included)"),
    "rules.band_amount_or_rate": (
        "每档须且只能有 amount（金额）或 rate（比例）之一",
        "each band has exactly one of amount and rate",
    ),
    "rules.band_rate_of": (
        "按比例的档位须在 tiers 块上写 of（比例乘以哪项金额）",
        "bands with a rate need of on the tiers block (the amount the rate is of)",
    ),
    "rules.band_end": ("本档的终点 {high} 小于起点 {low}", "the band's end {high} is below its start {low}"),
    "rules.band_order": (
        "档位应按从小到大排列：{low} 不大于上一档的起点 {previous}",
        "bands run upwards: {low} is not above the previous band's start {previous}",
    ),
    "rules.band_overlap": (
        "档位重叠：本档从 {low} 起，上一档到 {previous} 止",
        "bands overlap: this one starts at {low}, the previous ends at {previous}",
    ),
    "rules.each_nested": ("each 不能写在另一个 each 的 per_row 里", "each cannot stand in the per_row of another each"),
    "rules.each_kind": ("each 应为表格题；{name} 是{kind}", "each should name a table question; {name} is {kind}"),
    "rules.each_unknown": (
        "each 应为表格题；没有问题 {name}",
        "each should name a table question; there is no question {name}",
    ),
    "rules.per_row": ("缺少此字段：每行怎样计算", "this field is missing: how each row is computed"),
    "rules.highest": ("至少为 1", "at least 1"),
    "rules.table_field": ("表格 {table} 没有字段 {name}{suggestion}", "table {table} has no field {name}{suggestion}"),
    "rules.legacy_field": ("{kind} 规则没有此字段{suggestion}", "a {kind} rule has no such field{suggestion}"),
    "rules.base": ("base 应为金额题", "base should be a money question"),
    "rules.records": ("records 应为表格题，实际为 {value}", "records should be a table question; found {value}"),
    "rules.base_field": ("表格 {table} 没有金额字段 {name}", "table {table} has no money field {name}"),
    # -- a pack or a guide file before its entries are read (desktop/policy/limits.py)
    "toml.too_large_pack": (
        "文件过大（{size}），政策包文件最多 {limit}",
        "the file is too large ({size}); a pack file holds at most {limit}",
    ),
    "toml.too_large_guide": (
        "文件过大（{size}），申报指南文件最多 {limit}",
        "the file is too large ({size}); a guide file holds at most {limit}",
    ),
    "toml.not_utf8": ("文件不是 UTF-8 编码（第 {byte} 字节）", "the file is not UTF-8 (byte {byte})"),
    "toml.syntax": ("TOML 语法错误：{reason}", "TOML syntax error: {reason}"),
    "toml.too_deep": (
        "嵌套过深（数组或表的层数超过 {limit}）",
        "nested too deep (more than {limit} levels of arrays or tables)",
    ),
    "toml.digits": (
        "含有位数过多的数字，无法读取（{reason}）",
        "holds a number with too many digits to read ({reason})",
    ),
    "toml.text_long": (
        "文字过长（{count} 字，最多 {limit} 字）",
        "text too long ({count} characters, at most {limit})",
    ),
    "toml.character": (
        "含有不允许的字符 {code}（控制字符、换行或改变文字方向的字符），位于第 {n} 个字",
        "holds a character that is not allowed, {code} (a control character, a line break or a character that "
        "changes the direction of text), at character {n}",
    ),
    "toml.entries": ("条目过多（{count} 项，最多 {limit} 项）", "too many entries ({count}, at most {limit})"),
    "toml.keys": ("字段过多（{count} 个，最多 {limit} 个）", "too many keys ({count}, at most {limit})"),
    "toml.number": ("数字过大（{value}）", "number too large ({value})"),
    "toml.year": (
        "日期 {value} 不在 {first} 至 {last} 年之间，应是笔误",
        "the date {value} is not between {first} and {last}: a typo?",
    ),
    "toml.nested": ("嵌套过深（超过 {limit} 层）", "nested too deep (more than {limit} levels)"),
    "toml.key_name": ("字段名{problem}", "key name: {problem}"),
    "toml.more": ("……其余问题未列出", "… further problems not listed"),
    "pack.plain_decimal": (
        '应写成普通的小数（如 "0.30"、"150000"），不能用科学计数法或其他写法：{value}',
        'write a plain decimal (such as "0.30" or "150000"), no exponent or other notation: {value}',
    ),
    "pack.rate_places": ("比例最多 {places} 位小数：{value}", "a rate has at most {places} decimal places: {value}"),
    "pack.amount_too_large": (
        "金额过大（最多 {limit} 元）：{value}",
        "amount too large (at most {limit} yuan): {value}",
    ),
    "pack.money_places": (
        "金额最多 {places} 位小数（精确到分）：{value}",
        "an amount has at most {places} decimal places (to the fen): {value}",
    ),
    # -- application guides (desktop/policy/guides.py)
    "guide.window": (
        '应为 { opens = 日期, closes = 日期 } 或 "not_found"（所掌握的通知中未见）',
        'expected { opens = date, closes = date } or "not_found" (not in the notices at hand)',
    ),
    "guide.window_order": (
        "截止日 {closes} 早于开始日 {opens}",
        "the closing day {closes} is before the opening day {opens}",
    ),
    "guide.document_ids": ("应为材料编号的数组", "expected an array of document ids"),
    "guide.documents_whole": (
        "documents 替换整张材料清单，不能再与 documents_replace 或 documents_drop 同用",
        "documents replaces the whole list: it cannot go with documents_replace or documents_drop",
    ),
    "guide.document_unknown": (
        "该支持项目没有编号为 {value} 的材料（已有：{known}）",
        "the item has no document {value} (it has: {known})",
    ),
    "guide.document_listed": (
        "材料编号 {value} 已在清单中；改写已有材料请用 documents_replace",
        "document {value} is already in the list; to reword it use documents_replace",
    ),
    "guide.phone": (
        "电话号码含有不允许的字符：{value}",
        "the phone number holds characters that are not allowed: {value}",
    ),
    "guide.item_only": ("只能写在具体支持项目下", "only allowed under a particular item"),
    "guide.item_unknown": ("政策包 {pack} 中没有支持项目 {value}", "pack {pack} has no item {value}"),
    "guide.platform": ("网上申报须写明平台名称", "online applications need the platform's name"),
    "guide.contact_unknown": (
        "未知的联系方式 {value}（应为 [[contacts]] 中的 id）",
        "unknown contact {value} (an id of [[contacts]])",
    ),
    "guide.amount": (
        "只有“金额以申报通知为准”的支持项目可由申报指南给出金额；{item} 是 {kind}",
        "a guide may set the amount only of a support the text leaves to the notice; {item} is {kind}",
    ),
    "guide.part": (
        "未知的部分（应为 [guide]、[[contacts]]、[defaults]、[[items]]、[[lists]]）{suggestion}",
        "unknown part (expected [guide], [[contacts]], [defaults], [[items]], [[lists]]){suggestion}",
    ),
    "guide.pack_unknown": (
        "未知的政策包 {value}（已知：{known}）；请先添加该政策包",
        "unknown policy pack {value} (known: {known}); add that pack first",
    ),
    "guide.contact_twice": ("联系方式编号 {value} 重复", "contact id {value} appears twice"),
    "guide.default_document": (
        "材料编号 {value} 已在支持项目 {item} 的清单中",
        "document {value} is already in the list of item {item}",
    ),
    "guide.item_twice": ("支持项目 {value} 出现了两次", "item {value} appears twice"),
    # -- the lists a pack describes, and a guide's minimums for them (desktop/policy/lists.py)
    "pack_lists.bool_type": ("应为 true 或 false，实际为 {value}", "expected true or false; found {value}"),
    "pack_lists.column_field": ("未知的字段（列有 {keys}）", "unknown field (a column has {keys})"),
    "pack_lists.list_field": ("未知的字段（清单有 {keys}）", "unknown field (a list has {keys})"),
    "pack_lists.column_id": (
        "列编号 {value} 应由小写英文字母、数字和下划线组成，以字母开头",
        "column id {value} should be lower-case letters, digits and underscores, starting with a letter",
    ),
    "pack_lists.list_id": (
        "清单编号 {value} 应由小写英文字母、数字和下划线组成，以字母开头",
        "list id {value} should be lower-case letters, digits and underscores, starting with a letter",
    ),
    "pack_lists.synonyms": (
        "应为非空字符串的数组（企业自己的表头对这一列的其他叫法）",
        "expected an array of non-empty strings (other headers firms' own lists use for this column)",
    ),
    "pack_lists.at_most": ("最多 {limit} 个", "at most {limit}"),
    "pack_lists.total_money": (
        '只有金额列（type = "money"）可以是合计列',
        'only a money column (type = "money") can be the total',
    ),
    "pack_lists.negative_money": ("只有金额列可以允许负数", "only a money column may allow negative figures"),
    "pack_lists.in_period_date": (
        '只有日期列（type = "date"）可以要求在政策期间内',
        'only a date column (type = "date") can be required to fall in the period',
    ),
    "pack_lists.minimum_type": (
        '应为 { column = "金额列编号", per = "发票号码列编号", label = "…" }',
        'expected { column = "money column id", per = "invoice number column id", label = "…" }',
    ),
    "pack_lists.only_fields": ("未知的字段（只有 {keys}）", "unknown field (only {keys})"),
    "pack_lists.not_money_column": ("{value} 不是本清单的金额列", "{value} is not a money column of this list"),
    "pack_lists.not_column": ("{value} 不是本清单的列", "{value} is not a column of this list"),
    "pack_lists.list_twice": ("清单编号 {value} 重复", "list id {value} appears twice"),
    "pack_lists.question_unknown": ("未知的问题 {value}", "unknown question {value}"),
    "pack_lists.question_money": (
        "问题 {question} 不是金额题，清单的合计只能填入金额题",
        "question {question} is not a money question: a list's total can only answer a money question",
    ),
    "pack_lists.question_taken": (
        "问题 {question} 已由另一份清单填写",
        "question {question} is already answered by another list",
    ),
    "pack_lists.item_unknown": ("未知的支持项目 {value}", "unknown item {value}"),
    "pack_lists.document_unknown": (
        "支持项目 {item} 没有编号为 {value} 的材料（已有：{known}）",
        "item {item} has no document {value} (it has: {known})",
    ),
    "pack_lists.columns_at_most": ("最多 {limit} 列", "at most {limit} columns"),
    "pack_lists.column_twice": ("列编号 {value} 重复", "column id {value} appears twice"),
    "pack_lists.one_total": (
        "应有且只有一个合计列（total = true），实际有 {count} 个",
        "exactly one column is the total (total = true); found {count}",
    ),
    "pack_lists.guide_list_unknown": (
        "政策包 {pack} 中没有清单 {value}（已有：{known}）",
        "pack {pack} has no list {value} (it has: {known})",
    ),
    "pack_lists.no_minimum": (
        "政策包没有为清单 {value} 规定可由申报指南设定的下限（minimum）",
        "the pack sets no minimum a guide may state for the list {value}",
    ),
    "pack_lists.guide_list_twice": ("清单 {value} 出现了两次", "list {value} appears twice"),
    # -- the packs and guides the program knows, and adding one (desktop/policy/registry.py, guide_registry.py)
    "registry.unknown_version": (
        "未知的政策包 {found} 版本 {version}（已知：{known}）",
        "unknown policy pack {found}, version {version} (known: {known})",
    ),
    "registry.unknown_pack": ("未知的政策包 {found}（已知：{known}）", "unknown policy pack {found} (known: {known})"),
    "registry.no_pack": ("没有可用的政策包", "no policy pack is available"),
    "registry.same_content": ("内容相同", "same content"),
    "registry.other_content": (
        "内容不同（{this}，已载入的为 {known}）",
        "other content ({this}; the one read is {known})",
    ),
    "registry.duplicate_bundled": (
        "编号 {pack}、版本 {version} 与程序自带的政策包 {known} 相同，{same}，未载入；使用的是 {used}。"
        "修改过的政策包请使用新的 version。",
        "id {pack} and version {version} are those of the bundled pack {known} ({same}); not read, {used} is used. "
        "Give a changed pack a new version.",
    ),
    "registry.duplicate_added": (
        "编号 {pack}、版本 {version} 与已载入的政策包 {known} 相同，{same}，未载入；使用的是 {used}。"
        "修改过的政策包请使用新的 version。",
        "id {pack} and version {version} are those of the pack {known} already read ({same}); not read, {used} is "
        "used. Give a changed pack a new version.",
    ),
    "registry.not_used": ("{problem}（该政策包未使用）", "{problem} (this pack was not used)"),
    "install.bundled_differs": (
        "程序自带的政策包中已有编号 {pack}、版本 {version} 的政策包，但内容不同（已有 {known}，此文件 {this}）。"
        "修改过的政策包请在 [pack] 中使用新的 version 再添加。",
        "the program brings a pack with id {pack} and version {version} with other content ({known}; this file "
        "{this}). Give a changed pack a new version in [pack] and add it again.",
    ),
    "install.added_differs": (
        "已添加的政策包中已有编号 {pack}、版本 {version} 的政策包，但内容不同（已有 {known}，此文件 {this}）。"
        "修改过的政策包请在 [pack] 中使用新的 version 再添加。",
        "a pack with id {pack} and version {version} was added before with other content ({known}; this file "
        "{this}). Give a changed pack a new version in [pack] and add it again.",
    ),
    "install.pack_name_taken": (
        "政策包文件夹中已有文件 {name}，内容不同；为免覆盖，未添加。请先检查 {folder}。",
        "the packs folder already holds another file named {name}; not added, so as not to overwrite it. "
        "Please check {folder} first.",
    ),
    "install.guide_name_taken": (
        "申报指南文件夹中已有文件 {name}，内容不同；为免覆盖，未添加。请先检查 {folder}。",
        "the guides folder already holds another file named {name}; not added, so as not to overwrite it. "
        "Please check {folder} first.",
    ),
    "install.pack_folder_unwritable": (
        "无法写入政策包文件夹 {folder}：{reason}",
        "cannot write to the packs folder {folder}: {reason}",
    ),
    "install.guide_folder_unwritable": (
        "无法写入申报指南文件夹 {folder}：{reason}",
        "cannot write to the guides folder {folder}: {reason}",
    ),
    "guides.folder_unreadable": ("无法读取文件夹：{reason}", "cannot read the folder: {reason}"),
    "guides.internal": (
        "检查此申报指南时出现内部错误（{kind}），未载入",
        "an internal error ({kind}) while checking this guide; not loaded",
    ),
    "guides.duplicate": (
        "已有编号为 {guide} 的申报指南，此文件未载入",
        "a guide with the id {guide} is already known; this file was not read",
    ),
    "guides.install_differs": (
        "已有编号为 {guide} 的申报指南，但内容不同；修订后的指南请使用新的 id。",
        "a guide with the id {guide} is already known with other content; give a revised guide a new id.",
    ),
    "guides.not_used": ("{problem}（该申报指南未使用）", "{problem} (this guide file is not used)"),
    # -- a pack's test cases (desktop/engine/cases.py, `pack test`)
    "case.not_utf8": ("文件不是 UTF-8 编码", "the file is not UTF-8"),
    "case.no_cases": ("应有 [[case]] 表", "expected [[case]] tables"),
    "case.no_name": ("缺少用例名称", "the case has no name"),
    "case.expect_table": ("应为表", "expected a table"),
    "case.unknown_expectation": ("未知的期望{suggestion}", "unknown expectation{suggestion}"),
    "case.date": ("应为日期", "expected a date"),
    "case.failure": ("应为 {expected}，实际为 {actual}", "expected {expected}, got {actual}"),
    "case.valid_answers": ("有效的回答", "valid answers"),
    "case.an_item": ("政策包中的支持项", "an item of the pack"),
    "case.no_item": ("没有此支持项", "no such item"),
    "case.containing": ("含有“{text}”", "containing '{text}'"),
    "case.not_containing": ("不含“{text}”", "not containing '{text}'"),
    "case.status": ("{status}（{reasons}）", "{status} ({reasons})"),
    # -- a file attached to a document (desktop/attachments.py): said after the file's name
    "attachment.too_large": (
        "文件过大（{size}，每个文件最多 {limit}）",
        "the file is too large ({size}; at most {limit} a file)",
    ),
    "attachment.empty": ("文件是空的", "the file is empty"),
    "attachment.kind": (
        "不是 PDF、JPEG 或 PNG 文件（只能附加这三种文件）",
        "not a PDF, JPEG or PNG file (only these three can be attached)",
    ),
    "attachment.extension": (
        "文件名的扩展名不是 .pdf、.jpg、.jpeg 或 .png（内容是{kind}）",
        "the file name does not end in .pdf, .jpg, .jpeg or .png (the content is {kind})",
    ),
    "attachment.mismatch": (
        "文件名说它是{named}，内容却是{kind}",
        "the file name says {named}, but the content is {kind}",
    ),
    "attachment.encrypted": (
        "PDF 已加密（设有密码或权限限制），无法装订和编页码；请提供未加密的版本",
        "the PDF is encrypted (a password or restrictions): it cannot be bound or numbered; please provide an "
        "unencrypted copy",
    ),
    "attachment.pages": (
        "PDF 页数过多（{count} 页，每个文件最多 {limit} 页）",
        "too many pages in the PDF ({count}; at most {limit} a file)",
    ),
    "attachment.pdf_damaged": ("PDF 文件已损坏或无法读取", "the PDF is damaged or cannot be read"),
    "attachment.pdf_empty": ("PDF 文件没有页面", "the PDF has no pages"),
    "attachment.image_size": (
        "图片过大（{width} × {height} 像素；最多 {megapixels} 百万像素、每边 {side} 像素）",
        "the image is too large ({width} × {height} pixels; at most {megapixels} million pixels and {side} pixels a "
        "side)",
    ),
    "attachment.image_damaged": ("{kind}已损坏或无法读取", "the {kind} is damaged or cannot be read"),
    "attachment.image_empty": ("{kind}没有内容", "the {kind} is empty"),
    "attachment.outside": (
        "指向答卷文件所在文件夹以外，未读取",
        "it points outside the answers file's folder; not read",
    ),
    "attachment.missing": ("文件不存在", "the file does not exist"),
    # -- a workspace's member firms imported from files and the spreadsheet template (desktop/workspace/)
    "workspace.internal": (
        "导入时出现内部错误（{kind}），未导入；请把此文件交给技术支持",
        "an internal error ({kind}) while importing; not imported. Please send this file to support",
    ),
    "sheet.not_regular": ("不是普通文件，未读取", "Not a regular file; not read"),
    "sheet.parts": (
        "工作簿的组成部分过多（{count} 个），不像程序生成的模板，未读取",
        "The workbook has too many parts ({count}) for a template of the program; not read",
    ),
    "sheet.unpacked": (
        "工作簿解压后过大（{size}，最多 {limit}），未读取；请把会员企业分成几个文件导入",
        "The workbook is too large unpacked ({size}, at most {limit}); not read: split the member firms into "
        "several files",
    ),
    "sheet.rows_declared": (
        "工作表「{sheet}」有 {count} 行，超过 {limit} 行，未读取；请分成几个文件导入",
        "The sheet '{sheet}' has {count} rows, more than {limit}; not read: split it into several files",
    ),
    "sheet.too_many_rows": (
        "工作表「{sheet}」超过 {limit} 行，未读取；请分成几个文件导入",
        "The sheet '{sheet}' has more than {limit} rows; not read: split it into several files",
    ),
    "sheet.item_name": (
        "“{name}”不是本政策包的支持项目名称（多个项目用“、”分隔，没有填“无”）",
        "'{name}' is not the name of an item of this pack (separate several with 、; write 无 for none)",
    ),
    "sheet.yes_no": ("“{value}”应填“是”或“否”", "'{value}': write 是 (yes) or 否 (no)"),
    "sheet.choice": ("“{text}”不是可选项，应为 {allowed} 之一", "'{text}' is not one of the choices: {allowed}"),
    "sheet.money_bool": ("应为金额（数字）", "expected an amount (a number)"),
    "sheet.integer": ("“{value}”应为整数", "'{value}' should be a whole number"),
    "sheet.no_result": (
        "「{title}」列是公式，但文件中没有它的计算结果：请在 Excel 中打开并保存后再导入，或直接填写数值",
        "The column '{title}' is a formula whose result the file does not hold: open and save it in Excel before "
        "importing, or type the figure",
    ),
    "sheet.unknown_column": ("未知的列 {key}", "unknown column {key}"),
    "sheet.field": ("{field}：{problem}", "{field}: {problem}"),
    "sheet.record_field": ("{field}：{problem}", "{field}: {problem}"),
    "sheet.record_missing": ("缺少 {field}", "{field} is missing"),
    "sheet.no_owner": (
        "第一列未填写企业的统一社会信用代码或名称",
        "The first column gives neither the firm's credit code nor its name",
    ),
    "sheet.table_row": ("{file} 工作表「{sheet}」第 {row} 行", "{file}, sheet '{sheet}', row {row}"),
    "sheet.in_row": ("{row}：{problem}", "{row}: {problem}"),
    "sheet.column": ("「{title}」列：{problem}", "column '{title}': {problem}"),
    "sheet.not_workbook": (
        "不是有效的 Excel 工作簿（.xlsx），请用程序生成的模板填写",
        "Not a valid Excel workbook (.xlsx): fill in the template the program makes",
    ),
    "sheet.damaged": (
        "工作簿已损坏，无法读取，请用程序生成的模板重新填写",
        "The workbook is damaged and cannot be read: fill in the program's template again",
    ),
    "sheet.no_main": (
        "找不到工作表「{sheet}」，请用程序生成的模板填写",
        "No sheet '{sheet}': fill in the template the program makes",
    ),
    "sheet.in_sheet": ("工作表「{sheet}」：{problem}", "sheet '{sheet}': {problem}"),
    "sheet.keys_row": (
        "工作表「{sheet}」的第 2 行（隐藏的列编号）缺失或被修改，请重新生成模板",
        "Row 2 of the sheet '{sheet}' (the hidden column keys) is missing or changed: make the template again",
    ),
    "sheet.town": (
        "「所在镇街」列：{town}不在中山市镇街列表中，已按所填导入，请核对",
        "column 'Town': {town} is not on the list of Zhongshan's towns; imported as written, please check",
    ),
    "sheet.no_name": ("未填写企业名称", "No enterprise name"),
    "sheet.same_code": ("统一社会信用代码与第 {row} 行相同", "The same credit code as row {row}"),
    "sheet.orphan_records": (
        "表格记录中的企业{key}在「{sheet}」表中找不到（按统一社会信用代码或名称）",
        "The firm {key} of these records is not on the sheet '{sheet}' (by credit code or name)",
    ),
    # -- the database (desktop/store/): what happened; the window says what it does about it
    "store.unknown_record": (
        "{what} #{id} 不存在（可能已在另一个窗口中删除）。",
        "{what} #{id} does not exist (it may have been deleted in another window).",
    ),
    "store.bad_url": ("数据库地址无效：{target}", "Not a valid database address: {target}"),
    "store.with_notices": ("{notices}\n\n{problem}", "{notices}\n\n{problem}"),
    "store.cannot_open": ("无法打开数据库 {database}：{reason}", "Cannot open the database {database}: {reason}"),
    "store.folder_cannot_make": (
        "无法建立数据文件夹 {folder}：{reason}。请检查权限，或用 --database 指定另一个位置。",
        "Cannot make the data folder {folder}: {reason}. Check the permissions, or give another place with --database.",
    ),
    "store.folder_read_only": (
        "数据文件夹 {folder} 不能写入（只读或没有权限），评估无法保存。"
        "请把程序放到可以写入的文件夹（例如“文档”），或用 --database 指定另一个位置。",
        "The data folder {folder} cannot be written (read-only or no permission), so assessments cannot be saved. "
        "Put the program in a folder you can write to (such as Documents), or give another place with --database.",
    ),
    "store.file_read_only": (
        "数据库文件 {path} 是只读的，评估无法保存。请去掉该文件的“只读”属性后再打开。",
        "The database file {path} is read-only, so assessments cannot be saved. Clear its read-only attribute and "
        "open it again.",
    ),
    "store.not_a_file": (
        "{path} 不是文件（可能是文件夹或设备），无法作为数据库打开。请用 --database 指定数据库文件。",
        "{path} is not a file (perhaps a folder or a device) and cannot be opened as a database. Give the database "
        "file with --database.",
    ),
    "store.cannot_read_file": ("无法读取数据库文件 {path}：{reason}", "Cannot read the database file {path}: {reason}"),
    "store.not_sqlite": (
        "{path} 不是本程序的数据库（不是 SQLite 数据库文件），程序没有改动它，也没有在那里新建数据库。"
        "请检查 --database 或 ZS_TRADE_DATABASE_URL 所指的文件；如果这正是本程序的数据库，"
        "说明它的开头已损坏，请把它移到别处（交给技术支持）后再打开程序。",
        "{path} is not a database of this program (not an SQLite database file); it was left as it is and no "
        "database was made there. Check the file --database or ZS_TRADE_DATABASE_URL names; if it is this "
        "program's database, its beginning is damaged: move it elsewhere (and give it to support), then open the "
        "program again.",
    ),
    "store.unsupported": (
        "不支持的数据库类型：{driver}（可用：sqlite:///文件路径 或 postgresql+psycopg://…）",
        "Unsupported kind of database: {driver} (use sqlite:///path or postgresql+psycopg://…)",
    ),
    "store.driver_missing": (
        "缺少连接 {backend} 数据库所需的组件：{reason}",
        "A component needed to connect to the {backend} database is missing: {reason}",
    ),
    "store.damaged": ("数据库文件已损坏（{found}）", "the database file is damaged ({found})"),
    "store.open_locked": (
        "数据库 {database} 正被另一个程序占用（可能是本程序的另一个窗口，或备份、同步软件）。请关闭那个程序后再打开。",
        "The database {database} is in use by another program (another window of this program, or backup or "
        "syncing software). Close that program and open it again.",
    ),
    "store.open_disk_full": (
        "磁盘空间已满，无法打开数据库 {database}。"
        "数据库文件没有任何改动；请清理磁盘（或换一个有空间的位置）后重新打开程序。",
        "The disk is full, so the database {database} cannot be opened. The database file was not changed; free "
        "some space (or choose a place with room) and open the program again.",
    ),
    "store.open_read_only": (
        "无法写入数据库 {database}：{reason}。请检查文件夹和文件的写入权限。",
        "Cannot write to the database {database}: {reason}. Check the write permissions of the folder and the file.",
    ),
    "store.open_io": (
        "读写数据库 {database} 时出错（{reason}）。"
        "数据库文件没有任何改动；请检查磁盘或 U 盘是否正常连接后重新打开程序。",
        "An error reading or writing the database {database} ({reason}). The database file was not changed; check "
        "that the disk or USB drive is connected and open the program again.",
    ),
    "store.server": (
        "无法连接数据库服务器 {database}：{reason}。请检查地址、用户名和密码，以及服务器是否已启动。",
        "Cannot connect to the database server {database}: {reason}. Check the address, user name and password, "
        "and that the server is running.",
    ),
    "store.cannot_set_aside": (
        "数据库文件 {path} 无法使用（{why}），也无法改名移开：{reason}。请关闭可能正在使用它的程序后重试。",
        "The database file {path} cannot be used ({why}) and cannot be renamed out of the way: {reason}. Close any "
        "program that may be using it and try again.",
    ),
    "store.set_aside_reason": ("（{why}）", " ({why})"),
    "store.set_aside": (
        "数据库文件无法使用{reason}。原文件已改名为 {name}，保留在 {folder} 中，未删除；程序已新建一个空的数据库。"
        "如需找回其中的数据，请把该文件交给技术支持。",
        "The database file could not be used{reason}. It was renamed {name} and kept in {folder}, not deleted; the "
        "program started an empty database. To recover its data, give that file to support.",
    ),
    "store.busy": (
        "数据库正被另一个程序占用，暂时无法保存（可能是本程序的另一个窗口，或备份、同步软件）。",
        "The database is in use by another program and cannot be written just now (another window of this "
        "program, or backup or syncing software).",
    ),
    "store.read_only": (
        "数据库文件或其文件夹变成了只读，无法保存。请检查写入权限。",
        "The database file or its folder has become read-only, so nothing can be saved. Check the write permissions.",
    ),
    "store.disk_full": (
        "磁盘空间已满，无法保存。请清理磁盘后继续。",
        "The disk is full, so nothing can be saved. Free some space to go on.",
    ),
    "store.connection": (
        "与数据库服务器的连接出了问题：{reason}。",
        "The connection to the database server failed: {reason}.",
    ),
    "store.failed": ("数据库操作失败：{reason}", "The database operation failed: {reason}"),
    "store.cannot_read": ("无法读取数据库：{reason}", "Cannot read the database: {reason}"),
    "store.cannot_write": ("无法写入文件 {path}：{reason}", "Cannot write the file {path}: {reason}"),
    "store.conflict": (
        "这份评估已在别处（另一个窗口、另一台电脑或另一位同事）于 {when} 修改，本次修改没有保存，以免覆盖别处的内容。"
        "请选择载入别处的版本，或把你的修改另存为副本。",
        "This assessment was changed elsewhere (another window, another computer or a colleague) at {when}; your "
        "change was not saved, so as not to overwrite theirs. Load their version, or save your changes as a copy.",
    ),
    "store.conflict_final": (
        "这份评估已在别处（另一个窗口、另一台电脑或另一位同事）于 {when} 修改并已定稿，本次修改没有保存，"
        "以免覆盖别处的内容。请选择载入别处的版本，或把你的修改另存为副本。",
        "This assessment was changed and finalised elsewhere (another window, another computer or a colleague) at "
        "{when}; your change was not saved, so as not to overwrite theirs. Load their version, or save your changes "
        "as a copy.",
    ),
    "store.firm_conflict": (
        "这家企业的{fields}已在别处（另一个窗口、另一台电脑或另一位同事）改成了别的内容，与你在这里的修改不同；"
        "本次修改没有保存，以免覆盖别处的内容（评估最近保存于 {when}）。请选择载入别处的版本，或把你的修改另存为副本。",
        "The firm's {fields} was changed elsewhere (another window, another computer or a colleague) to something "
        "other than your change here; your change was not saved, so as not to overwrite theirs (the assessment was "
        "last saved at {when}). Load their version, or save your changes as a copy.",
    ),
    "store.replaced": (
        "评估 #{id} 已在别处删除，这个编号现在属于另一条记录；本次修改没有保存，以免写到别的评估上。",
        "Assessment #{id} was deleted elsewhere and its number now belongs to another record; your change was not "
        "saved, so as not to write into another assessment.",
    ),
    "store.final": (
        "这份评估已定稿，内容不能再修改。如需修改，请先“重新打开”它，或复制一份作为新评估。",
        "This assessment is finalised and cannot be changed. To change it, reopen it first, or copy it as a new "
        "assessment.",
    ),
    "store.attached_file": ("文件 {name}：{problem}", "file {name}: {problem}"),
    "store.code_taken": (
        "统一社会信用代码 {code} 已属于企业“{name}”，同一代码不能登记两家企业。",
        "The credit code {code} already belongs to the firm '{name}'; one code cannot register two firms.",
    ),
    "store.code_kept": (
        "统一社会信用代码 {code} 已属于企业“{name}”，本企业的代码未更改。如是同一家企业，请在首页为那家企业新建评估。",
        "The credit code {code} already belongs to the firm '{name}'; this firm's code was not changed. If they are "
        "the same firm, start a new assessment for that firm on the first page.",
    ),
    "store.answers_not_loaded": (
        "以下已保存的答案与当前政策包不符，未能载入：",
        "These saved answers do not fit the pack in use and were not loaded:",
    ),
    "store.import_clash": (
        "与数据库中已有的记录冲突，未导入，请重试",
        "clashes with a record already in the database; not imported, please try again",
    ),
    "store.pack_gone": (
        "原政策包 {pack}（版本 {version}）已不在本机，已改用 {used}（版本 {used_version}）。",
        "The pack {pack} (version {version}) is no longer on this computer; {used} (version {used_version}) is used "
        "instead.",
    ),
    "store.version_gone": (
        "原政策包 {pack} 的版本 {version} 已不在本机，已改用版本 {used_version}。",
        "Version {version} of the pack {pack} is no longer on this computer; version {used_version} is used instead.",
    ),
    "store.scenario_changed": (
        "方案“{name}”已在别处于 {when} 修改，本次修改没有保存，以免覆盖别处的内容。",
        "The scenario '{name}' was changed elsewhere at {when}; your change was not saved, so as not to overwrite it.",
    ),
    "store.scenario_name": ("方案需要一个名称。", "A scenario needs a name."),
    "store.assessment_deleted": (
        "评估 #{id} 已被删除（可能是在另一个窗口或另一台电脑上）。",
        "Assessment #{id} was deleted (perhaps in another window or on another computer).",
    ),
    "store.list_mismatch": ("清单 {reading} 与 {kind} 不符，未保存。", "The list {reading} is not {kind}; not saved."),
    "store.list_deleted": (
        "这份清单的导入记录已在别处被删除，本次导入没有保存。",
        "This list's import was deleted elsewhere; this import was not saved.",
    ),
    "store.list_changed": (
        "这份清单已在别处（另一个窗口或另一位同事）于 {when} "
        "重新导入（{source}），本次导入没有保存，以免覆盖别处的导入。",
        "This list was imported again elsewhere (another window or a colleague) at {when} ({source}); this import "
        "was not saved, so as not to overwrite theirs.",
    ),
    "store.list_modified": (
        "这份清单的导入记录已在别处被修改，本次导入没有保存。",
        "This list's import was changed elsewhere; this import was not saved.",
    ),
    "store.claim_gone": (
        "这项申报刚在别处被修改或删除，本次修改没有保存；请重新打开后再试。",
        "This application was just changed or deleted elsewhere; your change was not saved. Open it again and retry.",
    ),
    "store.file_not_stored": ("文件不在数据库中", "the file is not in the database"),
    "store.content_not_stored": (
        "附件“{name}”的内容不在数据库中。",
        "The content of the attachment '{name}' is not in the database.",
    ),
    "store.document_state": ("未知的材料状态 {state}。", "Unknown document state {state}."),
    "store.document_deleted": (
        "这项材料的记录已在别处被删除，本次修改没有保存。",
        "This document's record was deleted elsewhere; your change was not saved.",
    ),
    "store.document_changed": (
        "这项材料已在别处（另一个窗口或另一位同事）于 {when} 修改，本次修改没有保存，以免覆盖别处的内容。",
        "This document was changed elsewhere (another window or a colleague) at {when}; your change was not saved, "
        "so as not to overwrite theirs.",
    ),
    "store.document_modified": (
        "这项材料的记录已在别处被修改，本次修改没有保存。",
        "This document's record was changed elsewhere; your change was not saved.",
    ),
    "store.attachments_total": (
        "这份评估的附件合计将达 {total}，超过上限 {limit}；文件“{name}”未附加。",
        "The assessment's attachments would come to {total}, more than the limit of {limit}; the file '{name}' was "
        "not attached.",
    ),
    "store.claim_deleted": (
        "这项申报的记录已在别处被删除，本次修改没有保存。",
        "This application's record was deleted elsewhere; your change was not saved.",
    ),
    "store.claim_changed": (
        "这项申报的进度已在别处（另一个窗口或另一位同事）于 {when} "
        "改为“{state}”，本次修改没有保存，以免覆盖别处的内容。",
        "This application's status was changed elsewhere (another window or a colleague) at {when} to '{state}'; "
        "your change was not saved, so as not to overwrite theirs.",
    ),
    "store.claim_modified": (
        "这项申报的记录已在别处被修改，本次修改没有保存。",
        "This application's record was changed elsewhere; your change was not saved.",
    ),
    "store.received_positive": ("已获拨付的金额应大于 0。", "An amount received must be more than 0."),
    "store.workspace_name": ("请为工作区起一个名称。", "Please give the workspace a name."),
    "store.workspace_taken": (
        "已有名为“{name}”的工作区，请换一个名称。",
        "There is already a workspace named '{name}'; please choose another name.",
    ),
    "store.migration_broken": (
        "数据库结构升级后有 {count} 条记录失去了对应的企业或评估，升级未完成。",
        "After upgrading the database's structure, {count} records lost their firm or assessment; the upgrade was "
        "not completed.",
    ),
    "store.newer": (
        "这个数据库由更新版本的程序建立（结构版本 {version}），本程序无法打开。请安装最新版本后再打开。",
        "This database was made by a newer version of the program (structure version {version}) and cannot be "
        "opened by this one. Install the newest version and open it again.",
    ),
    "store.assessment_pack": ("评估 #{id}：{problem}", "assessment #{id}: {problem}"),
    "claim.problems": ("{problems}", "{problems}"),
    # -- the checklist, the batch and its output folder (desktop/report/)
    "checklist.too_long": (
        "清单无法排版：有一段文字（企业名称、联系人、"
        "某个答案或所用申报指南中的文字）太长，一页放不下。请缩短后再生成。",
        "The checklist cannot be laid out: a text (the enterprise name, the contact, an answer or a text of the "
        "guide used) is too long for a page. Shorten it and try again.",
    ),
    "output.not_folder": ("不是文件夹，无法写入清单", "not a folder: the checklists cannot be written there"),
    "output.sub_folder": (
        "输出文件夹 {folder} 中已有文件；为免覆盖，本次结果写入新的子文件夹 {name}（要覆盖原有文件，请加 --overwrite）",
        "{folder} already holds files; to overwrite none of them, this run goes into {name} (use --overwrite to "
        "write into the folder itself)",
    ),
    "output.cannot_make": ("无法创建输出文件夹：{reason}", "cannot make the output folder: {reason}"),
    "output.exists": (
        "已存在，未覆盖（要覆盖，请加 --overwrite）",
        "already there; not overwritten (use --overwrite to overwrite it)",
    ),
    "output.is_folder": ("是一个文件夹，无法写入", "is a folder: it cannot be written"),
    "output.cannot_write": ("无法写入：{reason}", "cannot write it: {reason}"),
    "batch.empty_folder": ("文件夹中没有答卷文件（*.json）", "the folder holds no answers files (*.json)"),
    "batch.not_found": ("找不到该文件或文件夹", "no such file or folder"),
    "batch.internal": (
        "处理时出现内部错误（{kind}），已跳过；请把此文件交给技术支持",
        "an internal error ({kind}) while processing it; skipped. Please send this file to support",
    ),
    "batch.no_files": ("没有可处理的答卷文件。", "No answers files to process."),
    "batch.worker_died": (
        "工作进程意外退出，其余 {count} 个文件未处理；已生成的清单保留。",
        "A worker process stopped unexpectedly; the other {count} "
        "files were not processed. The checklists made are kept.",
    ),
    "batch.nothing_written": (
        "没有生成任何清单：{count} 个问题，见上。",
        "No checklist was written: {count} problems, see above.",
    ),
    # -- what the window adds (desktop/ui/said.py)
    "window.kept_retry": (
        "已填写的内容仍在窗口中，稍后会自动重试。",
        " What you entered is still in the window; saving will be tried again shortly.",
    ),
    "window.kept": ("已填写的内容仍在窗口中。", " What you entered is still in the window."),
    "window.cannot_write": ("{path}：{reason}", "{path}: {reason}"),
    "window.scenario_kept_as_copy": (
        "方案“{name}”已在别处修改。为了不覆盖别处的内容，你的修改已另存为新方案“{copy}”。",
        "The scenario '{name}' was changed elsewhere. So as not to overwrite that, your changes were saved as a new "
        "scenario '{copy}'.",
    ),
    "window.scenario_kept_as_new": (
        "方案“{name}”已在别处删除。你的修改已另存为同名的新方案。",
        "The scenario '{name}' was deleted elsewhere. Your changes were saved as a new scenario of the same name.",
    ),
}
