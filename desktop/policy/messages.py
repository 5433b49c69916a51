"""The English of what the pack, guide and case readers say, beside the Chinese they are written in.

The readers (desktop/policy/loader.py, rule_reader.py, guides.py, limits.py, registry.py,
guide_registry.py and desktop/engine/cases.py) word their problems in Chinese, naming the file, the
entry and the field. `desktop.engine.refusals.to_english` matches a message against these templates
(`{name}` where the reader puts a value; a value may itself be a message, translated in turn) and
fills the English one. A test walks the readers' sources and checks that every message they can
write has its English here.
"""

from __future__ import annotations

from typing import Final

# The kinds of question, as the readers name them inside sentences.
QUESTION_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("是非题", "a yes/no question"),
    ("选择题", "a choice question"),
    ("日期题", "a date question"),
    ("金额题", "a money question"),
    ("整数题", "a whole-number question"),
    ("数量题", "a quantity question"),
    ("文字题", "a text question"),
    ("表格题", "a table question"),
    ("项目清单题", "a list-of-items question"),
)

TEMPLATES: Final[tuple[tuple[str, str], ...]] = (
    # -- every reader: the file itself
    ("{source}: 政策包有 {count} 处错误\n{problems}", "{source}: the pack has {count} problems\n{problems}"),
    ("{source}: 文件不是 UTF-8 编码（第 {byte} 字节）", "{source}: the file is not UTF-8 (byte {byte})"),
    ("{source}: 文件不是 UTF-8 编码", "{source}: the file is not UTF-8"),
    ("{source}: TOML 语法错误：{reason}", "{source}: TOML syntax error: {reason}"),
    ("{source}: 无法读取文件：{reason}", "{source}: cannot read the file: {reason}"),
    (
        "{source}: 文件过大（{size}），政策包文件最多 {limit}",
        "{source}: the file is too large ({size}); a pack file holds at most {limit}",
    ),
    (
        "{source}: 文件过大（{size}），申报指南文件最多 {limit}",
        "{source}: the file is too large ({size}); a guide file holds at most {limit}",
    ),
    (
        "{source}: 文件过大（{size} 字节，上限 {limit}）",
        "{source}: the file is too large ({size} bytes, at most {limit})",
    ),
    (
        "{source}: 嵌套过深（数组或表的层数超过 {limit}）",
        "{source}: nested too deep (more than {limit} levels of arrays or tables)",
    ),
    (
        "{source}: 含有位数过多的数字，无法读取（{reason}）",
        "{source}: holds a number with too many digits to read ({reason})",
    ),
    ("嵌套过深（超过 {limit} 层）", "nested too deep (more than {limit} levels)"),
    ("文字过长（{count} 字，最多 {limit} 字）", "text too long ({count} characters, at most {limit})"),
    ("条目过多（{count} 项，最多 {limit} 项）", "too many entries ({count}, at most {limit})"),
    ("数字过大（{value}）", "number too large ({value})"),
    ("字段过多（{count} 个，最多 {limit} 个）", "too many keys ({count}, at most {limit})"),
    ("字段名{problem}", "key name: {problem}"),
    (
        "含有不允许的字符 {code}（控制字符、换行或改变文字方向的字符），位于第 {n} 个字",
        "holds a character that is not allowed, {code} (a control character, a line break or a character that "
        "changes the direction of text), at character {n}",
    ),
    (
        "日期 {value} 不在 {first} 至 {last} 年之间，应是笔误",
        "the date {value} is not between {first} and {last}: a typo?",
    ),
    # -- the guides folder (desktop/policy/guide_registry.py)
    ("{source}: 无法读取文件夹：{reason}", "{source}: cannot read the folder: {reason}"),
    (
        "{source}: 检查此申报指南时出现内部错误（{kind}），未载入",
        "{source}: an internal error ({kind}) while checking this guide; not loaded",
    ),
    ("{problem}（该申报指南未使用）", "{problem} (this guide file is not used)"),
    ("……其余问题未列出", "… further problems not listed"),
    ("（文件）", "(the file)"),
    # -- numbers (desktop/policy/limits.py and the checker)
    (
        '应写成普通的小数（如 "0.30"、"150000"），不能用科学计数法或其他写法：{value}',
        'write a plain decimal (such as "0.30" or "150000"), no exponent or other notation: {value}',
    ),
    ("必须是有限的数：{value}", "must be a finite number: {value}"),
    ("比例最多 {places} 位小数：{value}", "a rate has at most {places} decimal places: {value}"),
    ("金额过大（最多 {limit} 元）：{value}", "amount too large (at most {limit} yuan): {value}"),
    (
        "金额最多 {places} 位小数（精确到分）：{value}",
        "an amount has at most {places} decimal places (to the fen): {value}",
    ),
    (
        '金额和比例应写成字符串或整数（如 "0.30"），实际为 {value}',
        'amounts and rates are written as strings or integers (such as "0.30"); found {value}',
    ),
    ("不是数字：{value}", "not a number: {value}"),
    ("不能为负数：{value}", "cannot be negative: {value}"),
    (
        "金额最多保留两位小数（精确到分），实际为 {value}",
        "an amount has at most two decimal places (to the fen); found {value}",
    ),
    (
        '比例应在 0 到 1 之间（30% 写作 "0.30"），实际为 {value}',
        'a rate lies between 0 and 1 (30% is "0.30"); found {value}',
    ),
    # -- the checker's getters (desktop/policy/loader.py)
    ("应为表（table）", "expected a table"),
    ("应为表的数组（array of tables）", "expected an array of tables"),
    ("应为字符串，实际为 {value}", "expected a string; found {value}"),
    ("不能为空", "cannot be empty"),
    ("缺少此字段", "this field is missing"),
    ("应为日期（如 2025-04-15），实际为 {value}", "expected a date (such as 2025-04-15); found {value}"),
    ("应为整数，实际为 {value}", "expected an integer; found {value}"),
    ("未知的取值 {value}，应为 {allowed} 之一", "unknown value {value}; expected one of {allowed}"),
    ("未知的字段（材料只有 id、text、text_en）", "unknown field (a document has only id, text, text_en)"),
    ("未知的字段{suggestion}", "unknown field{suggestion}"),
    ("未知的字段", "unknown field"),
    ("；是否应为 {guess}？", "; did you mean {guess}?"),
    # -- the pack's entries
    (
        "材料编号 {value} 应由小写英文字母、数字和下划线组成，以字母开头，最多 60 个字符",
        "document id {value} should be lower-case letters, digits and underscores, starting with a letter, "
        "at most 60 characters",
    ),
    ("材料编号 {value} 在同一支持项目中重复", "document id {value} appears twice in one item"),
    ("选项的 value 有重复", "two choices have the same value"),
    ("表格中的字段不能再是表格", "a field of a table cannot be a table"),
    ("选择题至少要有一个选项", "a choice question needs at least one choice"),
    ("表格题至少要有一个字段", "a table question needs at least one field"),
    ("只有整数题和数量题有单位", "only integer and quantity questions have a unit"),
    ("应为术语编号的数组", "expected an array of glossary keys"),
    ("应为口径说明编号的数组", "expected an array of interpretation ids"),
    ("金额类（amount）支持项必须有计算规则", "an amount item needs a rule"),
    ("{kind} 类支持项不能有计算规则", "a {kind} item cannot have a rule"),
    ("未知的口径说明 {value}{suggestion}", "unknown interpretation {value}{suggestion}"),
    ("条款序号应为正整数", "the article number should be a positive integer"),
    ("责任单位应为非空的字符串数组", "the responsible units should be a non-empty array of strings"),
    ("应为字符串数组", "expected an array of strings"),
    ("英文责任单位的个数应与 units 相同", "units_en should list as many units as units"),
    ("每条措施至少要有一个支持项", "every measure needs at least one item"),
    ("分节编号 {value} 重复", "section id {value} appears twice"),
    ("问题编号 {value} 重复", "question id {value} appears twice"),
    ("未知的分节 {value}", "unknown section {value}"),
    ("未知的术语 {value}", "unknown glossary key {value}"),
    ("min 大于 max", "min is greater than max"),
    ("支持项编号 {value} 重复", "item id {value} appears twice"),
    (
        "引用了不存在的金额支持项 {value}（该项不是金额类，没有金额）",
        "names the item {value}, which has no amount (not an amount item)",
    ),
    ("引用了不存在的金额支持项 {value}", "names an amount item that does not exist: {value}"),
    ("支持项的金额互相引用，形成循环：{cycle}", "items' amounts depend on each other in a circle: {cycle}"),
    ("口径说明编号 {value} 重复", "interpretation id {value} appears twice"),
    ("应为表（[glossary.术语编号]，含 term、text）", "expected a table ([glossary.KEY] with term and text)"),
    ("截止日 {end} 早于起始日 {start}", "the end date {end} is before the start date {start}"),
    (
        "period_from 与 period_to 应同时给出（所覆盖的经营期间的起止日）",
        "period_from and period_to go together (the first and last day of the period of activity covered)",
    ),
    ("期间的截止日 {end} 早于起始日 {start}", "the period's end {end} is before its start {start}"),
    ("政策包至少要有一条措施", "a pack needs at least one measure"),
    ('replaces 只用于项目清单题（type = "items"）', 'replaces is only for a list-of-items question (type = "items")'),
    ("replaces 的问题编号 {value} 已是本政策包的问题", "replaces names {value}, which is a question of this pack"),
    ("只有基本条件（common_conditions）可以写 bars", "only a basic condition (common_conditions) may have bars"),
    (
        "bars = true 的基本条件须写明 remedy（怎样才能再申请）",
        "a basic condition with bars = true needs a remedy (what to do to apply again)",
    ),
    ("应为 true 或 false", "expected true or false"),
    # -- conditions and rules (desktop/policy/rule_reader.py)
    ("应为问题编号（文字），实际为 {value}", "expected a question id (text); found {value}"),
    ("引用了不存在的问题 {value}{suggestion}", "names a question that does not exist: {value}{suggestion}"),
    ("{need}；{question} 是{kind}", "{need}; {question} is {kind}"),
    ("条件应为表（{ question = …, equals = … }）", "a condition is a table ({ question = …, equals = … })"),
    ("条件须且只能有一种判断：{ops} 之一", "a condition has exactly one test: one of {ops}"),
    ("{key} 条件不写 question，写在各个子条件中", "an {key} condition has no question; each of its conditions has one"),
    ("应为至少一个条件的数组", "expected an array of at least one condition"),
    (
        "问题 {question} 是是非题，应为 true 或 false",
        "question {question} is a yes/no question: expected true or false",
    ),
    ("问题 {question} 没有选项 {value}", "question {question} has no choice {value}"),
    (
        "问题 {question} 是{kind}，不能用 equals 判断 {value}",
        "question {question} is {kind}; equals cannot test it against {value}",
    ),
    ("问题 {question} 不是选择题", "question {question} is not a choice question"),
    ("应为选项值的数组", "expected an array of choice values"),
    (
        "问题 {question} 不是数值题（是{kind}），不能比较大小",
        "question {question} is not a number ({kind}): it cannot be compared",
    ),
    ("应为 [起, 止] 两个值（两端都含）", "expected [from, to], two values (both included)"),
    ("起点 {low} 晚于（大于）终点 {high}", "the start {low} is after (greater than) the end {high}"),
    ("问题 {question} 不是日期题（是{kind}）", "question {question} is not a date question ({kind})"),
    ("问题 {question} 不是日期题", "question {question} is not a date question"),
    ("只能写 true", "can only be true"),
    (
        "item_not_in 只能用于支持项目的条件和基本条件",
        "item_not_in is only for the conditions of items and basic conditions",
    ),
    (
        "项目清单题的选项是政策包的支持项目，不能另写 choices",
        "the choices of a list-of-items question are the pack's items: write no choices",
    ),
    (
        "问题 {question} 既不是日期题也不是数值题，不能用 between",
        "question {question} is neither a date nor a number: between cannot test it",
    ),
    (
        "问题 {question} 是整数题，应为整数，实际为 {value}",
        "question {question} is a whole-number question: expected an integer, found {value}",
    ),
    ("问题 {question} 不是项目清单题", "question {question} is not a list-of-items question"),
    (
        "{question} 是整数题，档位界限应为整数，实际为 {value}",
        "{question} is a whole-number question: band limits are integers; found {value}",
    ),
    (
        '应为计算块（如 { rate = "0.30", of = "premium" }）或金额',
        'expected a block (such as { rate = "0.30", of = "premium" }) or an amount',
    ),
    (
        "一个计算块只能有一种计算，此处同时有 {kinds}；请拆成 sum 等组合",
        "a block computes one thing; this one has {kinds}: split it with sum or the like",
    ),
    (
        "未知的计算块：应有 {keys} 之一（实际的字段：{found}）",
        "unknown block: it should have one of {keys} (its fields: {found})",
    ),
    ("{kind} 块没有此字段{suggestion}", "a {kind} block has no such field{suggestion}"),
    ("没有 cap 时不能写 cap_name", "cap_name without a cap"),
    ("minus 减去的应为金额题（已获得的金额）", "minus subtracts money questions (amounts already received)"),
    (
        "起付额 {floor} 高于上限 {cap}：这样永远不会支付",
        "the minimum {floor} is above the cap {cap}: nothing would ever be paid",
    ),
    ("缺少此字段：按什么金额计算？", "this field is missing: the amount to compute from"),
    ("of 应为金额题或计算块", "of should be a money question or a block"),
    (
        '比例只能是数（如 "0.30"）；比例乘比例不是金额，请把 rate 写在 of 的金额上',
        'a rate is a number (such as "0.30"); a rate of a rate is no amount: put the rate on the amount in of',
    ),
    (
        "比例不是金额：rate 须与 of（按哪项金额的比例）一起使用",
        "a rate is not an amount: rate goes with of (the amount it is a share of)",
    ),
    (
        "缺少此字段：按什么数量计算（人数、美元……）？",
        "this field is missing: the quantity to compute from (people, USD…)",
    ),
    (
        "per 按数量计算，of 应为整数题或数量题（金额请用 rate）",
        "per computes from a quantity: of should be an integer or quantity question (for money use rate)",
    ),
    ("应为至少两个计算块的数组", "expected an array of at least two blocks"),
    (
        "每种方式都要有名称（label），说明时要写出选了哪种",
        "every route needs a label, so that the explanation can say which was chosen",
    ),
    ("tiers 应为按其分档的数值题", "tiers should name the number question the bands are of"),
    ("应为档位的数组：[{ from = …, amount = … }, …]", "expected an array of bands: [{ from = …, amount = … }, …]"),
    ("档位没有此字段{suggestion}", "a band has no such field{suggestion}"),
    ("缺少此字段：本档从多少起（含）", "this field is missing: where the band starts (included)"),
    ("每档须且只能有 amount（金额）或 rate（比例）之一", "each band has exactly one of amount and rate"),
    (
        "按比例的档位须在 tiers 块上写 of（比例乘以哪项金额）",
        "bands with a rate need of on the tiers block (the amount the rate is of)",
    ),
    ("本档的终点 {high} 小于起点 {low}", "the band's end {high} is below its start {low}"),
    (
        "档位应按从小到大排列：{low} 不大于上一档的起点 {previous}",
        "bands run upwards: {low} is not above the previous band's start {previous}",
    ),
    (
        "档位重叠：本档从 {low} 起，上一档到 {previous} 止",
        "bands overlap: this one starts at {low}, the previous ends at {previous}",
    ),
    ("each 不能写在另一个 each 的 per_row 里", "each cannot stand in the per_row of another each"),
    ("each 应为表格题；{found}", "each should name a table question; {found}"),
    ("{name} 是{kind}", "{name} is {kind}"),
    ("没有问题 {name}", "there is no question {name}"),
    ("缺少此字段：每行怎样计算", "this field is missing: how each row is computed"),
    ("至少为 1", "at least 1"),
    ("表格 {table} 没有字段 {name}{suggestion}", "table {table} has no field {name}{suggestion}"),
    ("base 应为金额题", "base should be a money question"),
    ("records 应为表格题，实际为 {value}", "records should be a table question; found {value}"),
    ("表格 {table} 没有金额字段 {name}", "table {table} has no money field {name}"),
    ("{kind} 规则没有此字段{suggestion}", "a {kind} rule has no such field{suggestion}"),
    ("无", "none"),
    # -- application guides (desktop/policy/guides.py, guide_registry.py)
    (
        '应为 { opens = 日期, closes = 日期 } 或 "not_found"（所掌握的通知中未见）',
        'expected { opens = date, closes = date } or "not_found" (not in the notices at hand)',
    ),
    ("截止日 {closes} 早于开始日 {opens}", "the closing day {closes} is before the opening day {opens}"),
    ("应为材料编号的数组", "expected an array of document ids"),
    (
        "documents 替换整张材料清单，不能再与 documents_replace 或 documents_drop 同用",
        "documents replaces the whole list: it cannot go with documents_replace or documents_drop",
    ),
    ("该支持项目没有编号为 {value} 的材料（已有：{known}）", "the item has no document {value} (it has: {known})"),
    (
        "材料编号 {value} 已在清单中；改写已有材料请用 documents_replace",
        "document {value} is already in the list; to reword it use documents_replace",
    ),
    ("电话号码含有不允许的字符：{value}", "the phone number holds characters that are not allowed: {value}"),
    ("只能写在具体支持项目下", "only allowed under a particular item"),
    ("政策包 {pack} 中没有支持项目 {value}", "pack {pack} has no item {value}"),
    ("网上申报须写明平台名称", "online applications need the platform's name"),
    ("未知的联系方式 {value}（应为 [[contacts]] 中的 id）", "unknown contact {value} (an id of [[contacts]])"),
    (
        "只有“金额以申报通知为准”的支持项目可由申报指南给出金额；{item} 是 {kind}",
        "a guide may set the amount only of a support the text leaves to the notice; {item} is {kind}",
    ),
    (
        "未知的部分（应为 [guide]、[[contacts]]、[defaults]、[[items]]）{suggestion}",
        "unknown part (expected [guide], [[contacts]], [defaults], [[items]]){suggestion}",
    ),
    (
        "未知的部分（应为 [guide]、[[contacts]]、[defaults]、[[items]]、[[lists]]）{suggestion}",
        "unknown part (expected [guide], [[contacts]], [defaults], [[items]], [[lists]]){suggestion}",
    ),
    # a money question that the amounts received answer (`from_history`)
    ("应为非空字符串的数组", "expected an array of non-empty strings"),
    (
        '应为 { items = ["支持项目编号", …], policies = ["政策包编号", …] }',
        'expected { items = ["item id", …], policies = ["pack id", …] }',
    ),
    (
        "只有金额题和项目清单题可以从已获拨付记录中读取",
        "only a money question or a list-of-items question can be read from the amounts received",
    ),
    ("至少要列出一个支持项目编号", "name at least one item id"),
    (
        "未知的政策包 {value}（已知：{known}）；请先添加该政策包",
        "unknown policy pack {value} (known: {known}); add that pack first",
    ),
    ("联系方式编号 {value} 重复", "contact id {value} appears twice"),
    ("材料编号 {value} 已在支持项目 {item} 的清单中", "document {value} is already in the list of item {item}"),
    ("支持项目 {value} 出现了两次", "item {value} appears twice"),
    (
        "{file}: 已有编号为 {guide} 的申报指南，此文件未载入",
        "{file}: a guide with the id {guide} is already known; this file was not read",
    ),
    (
        "{file}: 已有编号为 {guide} 的申报指南，但内容不同；修订后的指南请使用新的 id。",
        "{file}: a guide with the id {guide} is already known with other content; give a revised guide a new id.",
    ),
    # -- the packs the program knows (desktop/policy/registry.py)
    (
        "{file}: 编号 {pack}、版本 {version} 与程序自带的政策包 {known} 相同，{same}，未载入；使用的是 {used}。"
        "修改过的政策包请使用新的 version。",
        "{file}: id {pack} and version {version} are those of the bundled pack {known} ({same}); not read, "
        "{used} is used. Give a changed pack a new version.",
    ),
    (
        "{file}: 编号 {pack}、版本 {version} 与已载入的政策包 {known} 相同，{same}，未载入；使用的是 {used}。"
        "修改过的政策包请使用新的 version。",
        "{file}: id {pack} and version {version} are those of the pack {known} already read ({same}); not read, "
        "{used} is used. Give a changed pack a new version.",
    ),
    ("内容相同", "same content"),
    ("内容不同（{this}，已载入的为 {known}）", "other content ({this}; the one read is {known})"),
    (
        "{file}: 程序自带的政策包中已有编号 {pack}、版本 {version} 的政策包，但内容不同"
        "（已有 {known}，此文件 {this}）。修改过的政策包请在 [pack] 中使用新的 version 再添加。",
        "{file}: the program brings a pack with id {pack} and version {version} with other content ({known}; this "
        "file {this}). Give a changed pack a new version in [pack] and add it again.",
    ),
    (
        "{file}: 已添加的政策包中已有编号 {pack}、版本 {version} 的政策包，但内容不同（已有 {known}，此文件 {this}）。"
        "修改过的政策包请在 [pack] 中使用新的 version 再添加。",
        "{file}: a pack with id {pack} and version {version} was added before with other content ({known}; this "
        "file {this}). Give a changed pack a new version in [pack] and add it again.",
    ),
    (
        "{file}: 政策包文件夹中已有文件 {name}，内容不同；为免覆盖，未添加。请先检查 {folder}。",
        "{file}: the packs folder already holds another file named {name}; not added, so as not to overwrite it. "
        "Please check {folder} first.",
    ),
    (
        "{file}: 申报指南文件夹中已有文件 {name}，内容不同；为免覆盖，未添加。请先检查 {folder}。",
        "{file}: the guides folder already holds another file named {name}; not added, so as not to overwrite it. "
        "Please check {folder} first.",
    ),
    ("{file}: 无法写入政策包文件夹 {folder}：{reason}", "{file}: cannot write to the packs folder {folder}: {reason}"),
    (
        "{file}: 无法写入申报指南文件夹 {folder}：{reason}",
        "{file}: cannot write to the guides folder {folder}: {reason}",
    ),
    ("{problem}（该政策包未使用）", "{problem} (this pack was not used)"),
    # -- case files and their results (desktop/engine/cases.py)
    ("{file}: 应有 [[case]] 表", "{file}: expected [[case]] tables"),
    ("缺少用例名称", "the case has no name"),
    ("应为表", "expected a table"),
    ("应为日期", "expected a date"),
    ("未知的期望{suggestion}", "unknown expectation{suggestion}"),
    ("应为 {expected}，实际为 {actual}", "expected {expected}, got {actual}"),
    ("有效的回答", "valid answers"),
    ("政策包中的支持项", "an item of the pack"),
    ("没有此支持项", "no such item"),
    ("含有“{text}”", "containing '{text}'"),
    ("不含“{text}”", "not containing '{text}'"),
    (
        "没有找到测试用例（{name}）；请在命令后列出用例文件",
        "no test cases found ({name}); list case files after the command",
    ),
    ("{count} 个用例，{passed} 个通过，{failed} 个未通过", "{count} cases, {passed} passed, {failed} failed"),
    *QUESTION_WORDS,
)

FRAGMENTS: Final[tuple[tuple[str, str], ...]] = tuple(
    (zh, en) for zh, en in TEMPLATES if zh.startswith("{") and not zh.startswith(("{source}: ", "{file}: "))
)
"""Templates that begin with a value: tried only after a line's `file: entry: ` has been split off, or they would
take the file and the entry for their value ("x.toml: items[0]（a）.rule: {kind} 块…")."""

WHOLE: Final[tuple[tuple[str, str], ...]] = tuple(pair for pair in TEMPLATES if pair not in FRAGMENTS)
