<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/i18n.py" line="+92"/>
        <source>中山市稳外贸政策扶持自评</source>
        <translation>Zhongshan Foreign Trade Support Self-Assessment</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="+101"/>
        <source>申报材料与进度</source>
        <translation>Documents and application status</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>材料</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+102"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+113"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>添加其他材料…</source>
        <translation>Add another document…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+304"/>
        <source>删除此项</source>
        <translation>Remove this document</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>从清单导入…</source>
        <translation>Import from a list…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>读入企业已有的清单（xlsx 或 CSV），逐行核对，合计填入答案并生成清单 PDF 附于此项</source>
        <translation>Read in the firm&apos;s own list (xlsx or CSV), checked row by row: its total answers the question and its PDF is attached here</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>所选材料的文件</source>
        <translation>Files of the selected document</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>附加文件…</source>
        <translation>Attach files…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下移</source>
        <translation>Down</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+322"/>
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-317"/>
        <source>可附加 PDF、JPEG、PNG；每个文件最多 50 MB。</source>
        <translation>PDF, JPEG or PNG files, at most 50 MB each.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>生成申报材料 PDF…</source>
        <translation>Make the dossier PDF…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>（未记录）</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>年-月-日</source>
        <translation>yyyy-mm-dd</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+58"/>
        <source>提交日期</source>
        <translation>Submitted on</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+58"/>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>申报方式 / 平台</source>
        <translation>Channel / platform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报编号</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+55"/>
        <location line="+1"/>
        <source>公示期</source>
        <translation>Public listing</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>拨付金额（元）</source>
        <translation>Amount paid (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+54"/>
        <source>拨付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>未获支持的原因</source>
        <translation>Reason not granted</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{field}：{reason}</source>
        <translation>{field}: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>拨付金额：{reason}</source>
        <translation>Amount paid: {reason}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>金额以申报通知为准</source>
        <translation>Amount set by the annual notice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>申报窗口：{window}</source>
        <translation>Application window: {window}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>（自行添加）</source>
        <translation> (added)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} 个文件</source>
        <translation>{n} file(s)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>“{name}”的文件</source>
        <translation>Files of &quot;{name}&quot;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} 页</source>
        <translation>{n} p.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}（{pages}，{size}）</source>
        <translation>{name} ({pages}, {size})</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>添加其他材料</source>
        <translation>Add another document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>材料名称（如：申报表（当期通知附件）、情况说明）：</source>
        <translation>Name of the document (e.g. the notice&apos;s application form, a letter):</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>删除“{name}”及其 {n} 个文件？</source>
        <translation>Remove &quot;{name}&quot; and its {n} file(s)?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>附加文件</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{name}：{reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>部分文件未附加</source>
        <translation>Some files were not attached</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>移除文件“{name}”？</source>
        <translation>Remove the file &quot;{name}&quot;?</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>申报进度中有未保存的内容：{reason}
关闭将放弃这些内容。</source>
        <translation>The claim holds something not saved: {reason}
Closing discards it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>返回修改</source>
        <translation>Go back and correct</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>放弃并关闭</source>
        <translation>Discard and close</translation>
    </message>
</context>
<context>
    <name>ApplicationsTab</name>
    <message>
        <location filename="../../desktop/ui/pages/applications_tab.py" line="+64"/>
        <source>材料与进度…</source>
        <translation>Documents and status…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>生成申报材料 PDF…</source>
        <translation>Make the dossier PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已获拨付记录…</source>
        <translation>Amounts received…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本企业已获得的扶持资金：其他评估的已拨付申报，以及此前或其他渠道获得、在此手工记录的资金。</source>
        <translation>The support this enterprise has received: paid claims of its other assessments, and funds received earlier or from elsewhere, recorded here by hand.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>逐项记录需准备的材料（已备 / 缺 / 需协助）、附加扫描件，跟踪提交、受理、公示和拨付。双击打开。</source>
        <translation>Record each item&apos;s documents (ready / missing / needs help), attach scans, and follow submission, acceptance, public listing and payment. Double-click to open.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已获拨付记录：{n} 笔，合计 {amount}。</source>
        <translation>Amounts received on record: {n}, in all {amount}. </translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/workspace_views.py" line="+419"/>
        <source>%n 家企业</source>
        <translation>
            <numerusform>%n firm</numerusform>
            <numerusform>%n firms</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{amount}（{firms}）</source>
        <translation>{amount} ({firms})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>导入企业后，这里按措施显示可测算金额合计</source>
        <translation>After importing firms, this chart shows the total computed amount per measure</translation>
    </message>
</context>
<context>
    <name>BoolField</name>
    <message>
        <location filename="../../desktop/ui/fields/simple.py" line="+22"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ChecklistPreview</name>
    <message>
        <location filename="../../desktop/ui/checklist_preview.py" line="+46"/>
        <source>打印清单</source>
        <translation>Print checklist</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>自评清单</source>
        <translation>self-assessment checklist</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>无法生成清单</source>
        <translation>Cannot create the checklist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成清单时出错：{error}</source>
        <translation>An error occurred while creating the checklist: {error}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>保存清单 PDF</source>
        <translation>Save checklist as PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法保存清单</source>
        <translation>Cannot save the checklist</translation>
    </message>
    <message numerus="yes">
        <location line="+80"/>
        <source>已把 %n 页打印到文件：
{path}</source>
        <translation>
            <numerusform>Printed %n page to the file:
{path}</numerusform>
            <numerusform>Printed %n pages to the file:
{path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>已把 %n 页交给打印机“{printer}”。</source>
        <translation>
            <numerusform>%n page handed to the printer &apos;{printer}&apos;.</numerusform>
            <numerusform>%n pages handed to the printer &apos;{printer}&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>要得到可以复制文字的 PDF 文件，请用“保存为 PDF…”。</source>
        <translation>For a PDF file whose text can be copied, use &apos;Save as PDF…&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>清单已保存</source>
        <translation>Checklist saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清单 PDF 已保存到：
{path}</source>
        <translation>The checklist PDF was saved to:
{path}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>清单预览</source>
        <translation>Checklist preview</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>共 {count} 页</source>
        <translation>{count} pages</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>打印机没有接受打印任务，请检查打印机设置。</source>
        <translation>The printer did not accept the print job. Please check the printer settings.</translation>
    </message>
</context>
<context>
    <name>ChoiceField</name>
    <message>
        <location filename="../../desktop/ui/fields/simple.py" line="+71"/>
        <source>（请选择）</source>
        <translation>(please choose)</translation>
    </message>
</context>
<context>
    <name>ComparisonWindow</name>
    <message>
        <location filename="../../desktop/ui/comparison_window.py" line="+116"/>
        <location line="+40"/>
        <location line="+122"/>
        <source>方案对比</source>
        <translation>Scenario comparison</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>差额 = 方案 − 基础评估：“+”为增加（绿色），“−”为减少（红色）。金额为按各自回答最多可申请的数额；不可申请、未回答和待确认的项目计为 0。方案是假设的情形，基础评估及其定稿结果不因方案而改变。</source>
        <translation>Difference = scenario − base: &apos;+&apos; more (green), &apos;−&apos; less (red). Amounts are the most each set of answers may claim; items not eligible, not answered or to confirm count as 0. Scenarios are what-if cases: the base assessment and its finalised result are not changed by them.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存 PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{firm}&#x3000;《{policy}》&#x3000;填写日期 {day}</source>
        <translation>{firm}    {policy}    answers given on {day}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（未填写企业名称）</source>
        <translation>(no enterprise name given)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>基础评估已定稿：显示的是定稿时冻结的结果。</source>
        <translation>The base assessment is finalised: it shows the result frozen when it was finalised.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>定稿结果按政策包版本 {old} 计算，方案按版本 {new} 计算，差额中也含版本的差别。</source>
        <translation>The finalised result was computed with policy pack version {old}, the scenarios with version {new}: the differences include those between the versions.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>方案对比 — {enterprise}</source>
        <translation>Scenario comparison — {enterprise}</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>无法生成对比表</source>
        <translation>Cannot make the comparison</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>生成对比表时出错：{error}</source>
        <translation>Making the comparison failed: {error}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>方案对比预览</source>
        <translation>Scenario comparison preview</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>保存方案对比 PDF</source>
        <translation>Save the scenario comparison as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方案对比已保存</source>
        <translation>Scenario comparison saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方案对比 PDF 已保存到：
{path}</source>
        <translation>The scenario comparison PDF was saved to:
{path}</translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <location filename="../../desktop/ui/conflict.py" line="+47"/>
        <location line="+41"/>
        <source>（未填写）</source>
        <translation>(not filled in)</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} 条记录</source>
        <translation>{n} records</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{what}：{before} → {after}</source>
        <translation>{what}: {before} → {after}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>别处已将这份评估定稿</source>
        <translation>It was finalised elsewhere</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{what}：{old} → {new}</source>
        <translation>{what}: {old} → {new}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>……另有 {n} 处修改</source>
        <translation>... and {n} more changes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（内容相同，只是保存时间不同）</source>
        <translation>(the same content, saved at another time)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>这份评估已在别处（另一个窗口、另一台电脑或另一位同事）于 {time} 保存过，你在这里的修改没有覆盖它。

别处的修改：</source>
        <translation>This assessment was saved elsewhere (another window, another computer or a colleague) at {time}; your changes here did not overwrite it.

Changed there:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>两个版本都会保留：你的修改另存为一份新的草稿。请选择接下来编辑哪一个。</source>
        <translation>Both versions are kept: your changes are saved as a new draft. Choose which one to go on with.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>载入别处的版本</source>
        <translation>Load the version saved there</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>继续编辑我的版本</source>
        <translation>Go on with my version</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+28"/>
        <source>这份评估已在别处修改</source>
        <translation>This assessment was changed elsewhere</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>我的版本（{time} 保存冲突）</source>
        <translation>My version (save conflict {time})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法另存副本</source>
        <translation>Could not save a copy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>你的修改仍在窗口中；请用“文件 → 另存答卷…”保存到文件。</source>
        <translation>Your changes are still in the window; save them to a file with &apos;File → Save answers as...&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>你的修改已另存为新的草稿“{label}”，在企业列表中可以找到；别处保存的版本保持不变。</source>
        <translation>Your changes were saved as the new draft &apos;{label}&apos;, listed on the start page; the version saved elsewhere is unchanged.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已载入别处的版本。</source>
        <translation>Loaded the version saved elsewhere. </translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../desktop/ui/fields/date.py" line="+34"/>
        <source>“{text}”不是日期：请按“年-月-日”写，例如 2025-06-18，或点右边的“日历”选择</source>
        <translation>&apos;{text}&apos; is not a date: write year-month-day, e.g. 2025-06-18, or pick it with &apos;Calendar&apos; on the right</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>年份 {year} 不合理：应在 {low} 到 {high} 之间</source>
        <translation>The year {year} is not plausible: it should be between {low} and {high}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{text}”不是存在的日期（{year} 年没有 {month} 月）</source>
        <translation>&apos;{text}&apos; is not a real date ({year} has no month {month})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“{text}”不是存在的日期（{year} 年 {month} 月没有 {day} 日）</source>
        <translation>&apos;{text}&apos; is not a real date (month {month} of {year} has no day {day})</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>年-月-日</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>日历…</source>
        <translation>Calendar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>从日历中选择日期</source>
        <translation>Pick the date from a calendar</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{day} 不在本评估针对的期间（{start} 至 {end}）内，请核对；结果中会说明这对金额的影响</source>
        <translation>{day} is outside the period this assessment is about ({start} to {end}): please check it; the results say what it means for the amount</translation>
    </message>
</context>
<context>
    <name>Dossier</name>
    <message>
        <location filename="../../desktop/ui/dossier_output.py" line="+26"/>
        <source>生成申报材料</source>
        <translation>Make the dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}：{reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>以下文件无法装订：
{lines}

仍用其余文件生成申报材料吗？（目录中会列明未装订的文件）</source>
        <translation>These files cannot be bound:
{lines}

Make the dossier from the other files? (The contents list the files not bound.)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>保存申报材料 PDF</source>
        <translation>Save the dossier PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报材料已生成</source>
        <translation>Dossier made</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报材料 PDF 已保存到：
{path}</source>
        <translation>The dossier PDF was saved to:
{path}</translation>
    </message>
</context>
<context>
    <name>EnterprisePage</name>
    <message>
        <location filename="../../desktop/ui/pages/enterprise_page.py" line="+27"/>
        <source>企业基本信息</source>
        <translation>Enterprise details</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请按营业执照填写。带 * 的为申报时必填；这里留空也可以先测算。</source>
        <translation>Fill in as on the business licence. Fields marked * are required when you apply; you can leave them empty here and still get an estimate.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>与营业执照一致（最多 {n} 字）</source>
        <translation>As on the business licence (at most {n} characters)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>本评估针对 {period}的经营活动（《{title}》）。填写日期只记录答案是哪天填写的，不影响金额。</source>
        <translation>This assessment is about activity in {period} (&apos;{title}&apos;). The date the answers were given only records when; it changes no amount.</translation>
    </message>
</context>
<context>
    <name>FieldWidget</name>
    <message>
        <location filename="../../desktop/ui/fields/base.py" line="+99"/>
        <source>（未填写）</source>
        <translation>(not answered)</translation>
    </message>
</context>
<context>
    <name>FileWork</name>
    <message>
        <location filename="../../desktop/ui/file_work.py" line="+65"/>
        <source>清空当前所有答案，开始填写另一家企业？未保存的答案将丢失。</source>
        <translation>Clear all current answers and start on another enterprise? Answers that have not been saved will be lost.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>载入培训示例</source>
        <translation>Load training example</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>载入示例会替换当前填写的所有答案。未保存的答案将丢失。继续吗？</source>
        <translation>Loading the example replaces all answers filled in so far; answers not saved will be lost. Continue?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>
……另有 {n} 个问题</source>
        <translation>
… and {n} more problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法打开答卷</source>
        <translation>Cannot open the answers file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已打开 {name}</source>
        <translation>Opened {name}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>答卷还没有保存。不保存就退出吗？（可先用“文件 → 另存答卷…”保存）</source>
        <translation>The answers have not been saved. Exit without saving? (You can save them first with &apos;File → Save answers file as…&apos;.)</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../desktop/ui/glossary.py" line="+24"/>
        <source>术语表</source>
        <translation>Glossary</translation>
    </message>
</context>
<context>
    <name>GuidePicker</name>
    <message>
        <location filename="../../desktop/ui/window_calendar.py" line="+402"/>
        <source>所选评估的申报指南：</source>
        <translation>Application guide of the selected assessment:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>（先在上面的列表中选择一份评估）</source>
        <translation>(select an assessment in the list above first)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>自动：最新的正式指南（{name}）</source>
        <translation>Automatic: the newest real guide ({name})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自动：本政策包尚无正式的申报指南</source>
        <translation>Automatic: this policy pack has no real guide yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name}（{date} 发布）</source>
        <translation>{name} (published {date})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>本机没有的申报指南 {id}（现按自动选用）</source>
        <translation>Guide {id}, not on this computer (automatic choice used meanwhile)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已定稿：打开并“重新编辑”后才能更换</source>
        <translation>Finalised: open it and choose &apos;Edit again&apos; to change the guide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>培训示例：窗口和金额均为虚构，不能据此申报</source>
        <translation>Training example: invented windows and amounts; do not apply on their basis</translation>
    </message>
</context>
<context>
    <name>IntegerField</name>
    <message>
        <location filename="../../desktop/ui/fields/simple.py" line="+105"/>
        <source>“{text}”不是整数</source>
        <translation>&apos;{text}&apos; is not a whole number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{number} 超出范围</source>
        <translation>{number} is out of range</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{head}：请填写 {low} 到 {high} 之间的整数</source>
        <translation>{head}: please enter a whole number from {low} to {high}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{head}：请填写整数</source>
        <translation>{head}: please enter a whole number</translation>
    </message>
</context>
<context>
    <name>ItemsField</name>
    <message>
        <location filename="../../desktop/ui/fields/items.py" line="+77"/>
        <source>无</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>ListImportDialog</name>
    <message>
        <location filename="../../desktop/ui/list_import.py" line="+83"/>
        <source>表格文件 (*.xlsx *.xlsm *.csv *.txt);;所有文件 (*)</source>
        <translation>Spreadsheets (*.xlsx *.xlsm *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>从清单导入：{title}</source>
        <translation>Import from a list: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入{title}</source>
        <translation>Import: {title}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>各行合计将填入“{question}”。</source>
        <translation>The rows&apos; total will answer &apos;{question}&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>日期应在 {start} 至 {end} 之间。</source>
        <translation>Dates must lie between {start} and {end}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>申报指南规定：{what}不低于 {amount}。</source>
        <translation>The application guide sets: {what} at least {amount}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>尚未选择文件（Excel .xlsx 或 CSV）</source>
        <translation>No file chosen yet (Excel .xlsx or CSV)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>表头所在行</source>
        <translation>Header on row</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>列的对应（* 为必填列；可改选）</source>
        <translation>Which column is which (* required; change as needed)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>显示</source>
        <translation>Show</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部行</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计入的行</source>
        <translation>Rows counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未计入的行</source>
        <translation>Rows left out</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+229"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-207"/>
        <source>本评估未保存在数据库中：导入的合计会填入答案，清单不会附加到申报材料。</source>
        <translation>This assessment is not kept in a database: the total will fill in the answer, but the list will not be attached to the application documents.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>上次导入：{source}；新的导入将替换它和它生成的 PDF。</source>
        <translation>Last import: {source}. A new import replaces it and the PDF made from it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>选择清单文件</source>
        <translation>Choose the list file</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>程序内部错误（{kind}），文件未读取；请把文件交给技术支持</source>
        <translation>Internal error of the program ({kind}); the file was not read. Please send the file to support</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>无法读取清单</source>
        <translation>Cannot read the list</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>无法读取清单文件：</source>
        <translation>Cannot read the list file:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+126"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-125"/>
        <source>{name}（{how}）</source>
        <translation>{name} ({how})</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>（不读取）</source>
        <translation>(not read)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{letter} 列：{header}</source>
        <translation>Column {letter}: {header}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>第 {row} 行：{said}</source>
        <translation>Row {row}: {said}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请为必填列选择对应的列：{names}</source>
        <translation>Choose the column of the file for the required: {names}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>计入各行的合计为负数，不能作为金额导入</source>
        <translation>The rows counted add up to a negative amount, which cannot be imported</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>计入 {counted} 行，未计入 {left_out} 行</source>
        <translation>Rows counted: {counted}, left out: {left_out}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>另有空行 {count} 行</source>
        <translation>empty rows besides: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>表头以上 {count} 行（标题等）未读取</source>
        <translation>rows not read above the header (titles): {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{rows}；合计 {total}</source>
        <translation>{rows}; total {total}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>无法生成清单 PDF</source>
        <translation>Cannot draw the list&apos;s PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>未导入：{kind}</source>
        <translation>Nothing was imported: {kind}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>清单已在别处导入</source>
        <translation>The list was imported elsewhere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>这份清单已在别处重新导入。
{reason}</source>
        <translation>This list has been imported again elsewhere.
{reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用本次导入替换</source>
        <translation>Replace it with this import</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>无法保存导入</source>
        <translation>Cannot keep the import</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{title}（{stem}）.pdf</source>
        <translation>{title} ({stem}).pdf</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>从清单导入…</source>
        <translation>Import from a list…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>以下金额与导入的清单合计不一致：</source>
        <translation>These figures disagree with the imported lists&apos; totals:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报材料中的金额与所附清单不符，审核时常被退回。要先核对，还是照常继续？</source>
        <translation>Applications whose figures disagree with the attached lists are often returned. Check them first, or go on as they are?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>金额与清单不一致</source>
        <translation>Figures disagree with the lists</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>返回核对</source>
        <translation>Go back and check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>照常继续</source>
        <translation>Go on</translation>
    </message>
</context>
<context>
    <name>ListSourceLine</name>
    <message>
        <location line="-63"/>
        <source>（打印清单前会再提示）</source>
        <translation> (asked again before the checklist is printed)</translation>
    </message>
</context>
<context>
    <name>ListingModel</name>
    <message>
        <location filename="../../desktop/ui/start_page.py" line="+117"/>
        <source>企业 / 评估</source>
        <translation>Enterprise / assessment</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>最后修改</source>
        <translation>Last changed</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <location line="+87"/>
        <source>%n 份评估</source>
        <translation>
            <numerusform>%n assessment</numerusform>
            <numerusform>%n assessments</numerusform>
        </translation>
    </message>
    <message>
        <location line="-6"/>
        <source>（未填写企业名称）</source>
        <translation>(no enterprise name)</translation>
    </message>
    <message>
        <location line="-81"/>
        <location line="+87"/>
        <source>尚无评估</source>
        <translation>No assessment yet</translation>
    </message>
    <message>
        <location line="-131"/>
        <source>导入：{file}</source>
        <translation>Imported: {file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>培训示例：{file}</source>
        <translation>Training example: {file}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{label}（副本）</source>
        <translation>{label} (copy)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>副本</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>评估 #{id}</source>
        <translation>Assessment #{id}</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>已备材料 %n 份</source>
        <translation>
            <numerusform>%n document ready</numerusform>
            <numerusform>%n documents ready</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>，需协助 %n 份</source>
        <translation>
            <numerusform>, %n needing help</numerusform>
            <numerusform>, %n needing help</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{state} {count} 项</source>
        <translation>{state}: {count}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="-118"/>
        <location line="+96"/>
        <source>已定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="-96"/>
        <location line="+96"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="+80"/>
        <source>答卷文件 (*.json);;所有文件 (*)</source>
        <translation>Answers files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+272"/>
        <source>中山市稳外贸政策扶持自评</source>
        <translation>Zhongshan Foreign Trade Support Self-Assessment</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>正在载入政策……</source>
        <translation>Loading the policy…</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>打开答卷…</source>
        <translation>Open answers file…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另存答卷…</source>
        <translation>Save answers file as…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>打印清单…</source>
        <translation>Print checklist…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存清单 PDF…</source>
        <translation>Save checklist as PDF…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>培训示例</source>
        <translation>Training examples</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>无法打开数据库</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{reason}

本次的答案不会自动保存，请用“文件 → 另存答卷…”保存到文件。</source>
        <translation>{reason}

Answers will not be saved automatically this time; use &apos;File → Save answers file as…&apos; to save them to a file.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>无法使用此功能</source>
        <translation>This feature cannot be used</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本程序的文件 {module} 未能载入，安装可能不完整。可以先用“另存答卷…”保存答案，再重新安装本程序。</source>
        <translation>The program&apos;s file {module} could not be loaded; the installation may be incomplete. Save the answers first with &apos;Save answers file as…&apos;, then install the program again.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>评估(&amp;A)</source>
        <translation>&amp;Assessment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>返回企业列表</source>
        <translation>Back to the list of enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定稿（冻结结果）</source>
        <translation>Finalise (freeze the results)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新编辑（改回草稿）</source>
        <translation>Edit again (back to draft)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制为方案…</source>
        <translation>Copy as scenario…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方案对比…</source>
        <translation>Compare scenarios…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已获拨付记录…</source>
        <translation>Amounts received…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>协会工作区…</source>
        <translation>Association workspace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>政策包…</source>
        <translation>Policy packs…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>语言(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>术语表</source>
        <translation>Glossary</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+244"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>打开答卷</source>
        <translation>Open answers file</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>答卷已保存到 {path}</source>
        <translation>Answers file saved to {path}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>
政策：《{title}》（{start} 至 {end}，版本 {version}）</source>
        <translation>
Policy: &apos;{title}&apos; ({start} to {end}, version {version})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>中山市稳外贸政策扶持自评工具 {version}
离线运行，答案只保存在本机。</source>
        <translation>Zhongshan foreign trade support self-assessment tool {version}
Works offline; answers are kept on this computer only.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="+148"/>
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <location filename="../../desktop/ui/fields/money.py" line="+50"/>
        <source>例如 1,200,000 或 120万</source>
        <translation>e.g. 1,200,000 or 1200000</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>万元</source>
        <translation>10,000 yuan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>所填数字的单位；也可以直接写“120万”。换单位时数字随之换算，金额不变；金额大到令人怀疑（10亿元以上）时，换单位只改单位，数字不变。</source>
        <translation>The unit of the figure. Changing the unit converts the figure and the amount stays the same; for an amount large enough to doubt (1 billion yuan or more) only the unit changes and the figure stays.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>金额很大，请核对单位：数字若是按元填写的，把单位改为“元”即可（数字不变）</source>
        <translation>A very large amount: check the unit. If the figure was typed in yuan, switch the unit to &apos;yuan&apos; (the figure stays)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>金额很大，请核对数字</source>
        <translation>A very large amount: check the figure</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../desktop/ui/notice_bar.py" line="+26"/>
        <source>知道了</source>
        <translation>Understood</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不再显示这条提示（被改名保留的文件不受影响）</source>
        <translation>Do not show this notice again (the renamed file is kept as it is)</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <location filename="../../desktop/ui/fields/number.py" line="+27"/>
        <source>例如 800,000</source>
        <translation>e.g. 800,000</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>“{text}”不是数：请只填数字，例如 800000 或 800,000</source>
        <translation>&apos;{text}&apos; is not a number: type digits only, e.g. 800000 or 800,000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>请填写不小于 0 的数</source>
        <translation>Enter a number of 0 or more</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数值过大，请检查单位</source>
        <translation>The number is too large: check the unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最多保留四位小数</source>
        <translation>At most four decimals</translation>
    </message>
</context>
<context>
    <name>OpenAssessment</name>
    <message>
        <location filename="../../desktop/ui/document.py" line="+101"/>
        <location line="+263"/>
        <source>已定稿（只读）：如需修改，请用“评估 → 重新编辑”</source>
        <translation>Finalised (read-only): to make changes, use &apos;Assessment → Edit again&apos;</translation>
    </message>
    <message>
        <location line="-199"/>
        <location line="+7"/>
        <source>无法打开评估</source>
        <translation>Cannot open the assessment</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>部分答案未能载入</source>
        <translation>Some answers could not be loaded</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已沿用原来的回答</source>
        <translation>Earlier answer carried over</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>重新计算</source>
        <translation>Recompute</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>此评估定稿时使用的是政策包版本 {old}，本机现有版本 {new}。现在显示的是定稿时的结果。要按版本 {new} 重新计算吗？</source>
        <translation>This assessment was finalised with policy pack version {old}; this computer now has version {new}. The results shown are those of the finalised assessment. Recompute with version {new}?</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>无法新建评估</source>
        <translation>Cannot create the assessment</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>自动保存</source>
        <translation>Autosave</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>未能保存的修改（{time}）</source>
        <translation>Changes not saved ({time})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>无法另存为新的评估</source>
        <translation>Could not keep the changes as a new assessment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>你的修改已另存为新的评估“{label}”，在企业列表中可以找到。</source>
        <translation>Your changes were kept as a new assessment, &quot;{label}&quot;; you will find it in the list of enterprises.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据库没有接受最近的修改。</source>
        <translation>The database did not take the latest changes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>定稿</source>
        <translation>Finalise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>还有标记为错误的答案，请先改正或清空后再定稿。</source>
        <translation>Some answers are still marked as wrong. Correct or clear them before finalising.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法定稿</source>
        <translation>Cannot finalise</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已定稿：结果已冻结，日后安装新政策包也不会改变。</source>
        <translation>Finalised: the results are frozen and will not change when new policy packs are installed.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法重新编辑</source>
        <translation>Cannot edit again</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>无法重新计算</source>
        <translation>Cannot recompute</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>已保存 {time}</source>
        <translation>Saved {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未能保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>PacksDialog</name>
    <message>
        <location filename="../../desktop/ui/packs_dialog.py" line="+57"/>
        <source>尚未生效</source>
        <translation>Not yet in force</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已到期</source>
        <translation>Expired</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效</source>
        <translation>In force</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+78"/>
        <source>政策包</source>
        <translation>Policy packs</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>政策包是一项政策的规则（问题、条件、金额和上限）。新的政策发布后，添加它的政策包文件即可，无须更换程序。已完成的评估保留当时所用的政策包版本。</source>
        <translation>A policy pack holds the rules of one policy (questions, conditions, amounts and caps). When a new policy is published, add its pack file; no new program is needed. Finished assessments keep the pack version they were made with.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+32"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>内容指纹（SHA-256）</source>
        <translation>Content fingerprint (SHA-256)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>添加政策包…</source>
        <translation>Add policy pack…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加申报指南…</source>
        <translation>Add application guide…</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+42"/>
        <source>程序自带</source>
        <translation>Bundled</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+42"/>
        <source>用户添加</source>
        <translation>Added by user</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>{start} 至 {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>以下政策包文件未载入：</source>
        <translation>These policy pack files were not loaded:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>（另有 {count} 处错误）</source>
        <translation> ({count} more errors)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>以下申报指南文件未载入：</source>
        <translation>These application guide files were not loaded:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{file} 有 {count} 处错误，未添加，原有政策包均未改动：</source>
        <translation>{file} has {count} error(s). It was not added, and no existing pack was changed:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>政策包有错误</source>
        <translation>The policy pack has errors</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>未添加政策包</source>
        <translation>Policy pack not added</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>政策包已存在</source>
        <translation>Policy pack already present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>政策包 {id} {version} 已在列表中，内容相同，无须再次添加。</source>
        <translation>Policy pack {id} {version} is already in the list with the same content; there is no need to add it again.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>与原有版本相比的变化列在对话框中。</source>
        <translation>What changed from the installed version is listed in the dialog.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已添加政策包</source>
        <translation>Policy pack added</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>已添加《{title}》（{id} {version}，有效期 {start} 至 {end}）。新的评估将使用它。</source>
        <translation>Added &apos;{title}&apos; ({id} {version}, valid {start} to {end}). New assessments will use it.</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>申报指南</source>
        <translation>Application guides</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>申报指南是主管部门某一轮申报通知的内容：各支持项目的申报窗口、申报方式和联系方式。未选定申报指南的评估使用其政策包最新的正式指南；培训示例的窗口是虚构的，只在选用时使用。</source>
        <translation>An application guide holds one round of the bureaus&apos; application notices: for each support item the window, how to apply and whom to contact. An assessment without a guide of its own uses the newest real guide of its policy pack; a training example has invented windows and is used only where it is picked.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>所属政策包</source>
        <translation>Policy pack</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>申报轮次</source>
        <translation>Round</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>发布日期</source>
        <translation>Published</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>依据</source>
        <translation>Based on</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>用户添加的政策包保存在：{folder}；申报指南保存在：{guides}</source>
        <translation>Packs you add are kept in: {folder}; guides in: {guides}</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>政策包 {id} 的新版本 {new} 与版本 {old} 相比：</source>
        <translation>What version {new} of policy pack {id} changes from version {old}:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{file} 有 {count} 处错误，未添加申报指南：</source>
        <translation>{file} has {count} error(s); the application guide was not added:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报指南有错误</source>
        <translation>The application guide has errors</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>未添加申报指南</source>
        <translation>Application guide not added</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>申报指南已存在</source>
        <translation>Application guide already present</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报指南“{name}”已在列表中，内容相同，无须再次添加。</source>
        <translation>The application guide &apos;{name}&apos; is already listed with the same content; there is no need to add it again.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已添加申报指南“{name}”（政策包 {pack}，{date} 发布）。</source>
        <translation>Added the application guide &apos;{name}&apos; (policy pack {pack}, published {date}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>这是培训示例，只用于选用了它的评估。</source>
        <translation> It is a training example, used only by the assessments it is picked for.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未选定申报指南的评估从现在起使用它。</source>
        <translation> Assessments without a guide of their own use it from now on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已添加申报指南</source>
        <translation>Application guide added</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>选择政策包文件</source>
        <translation>Choose a policy pack file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>政策包 (*.toml)</source>
        <translation>Policy packs (*.toml)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择申报指南文件</source>
        <translation>Choose an application guide file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>申报指南 (*.toml)</source>
        <translation>Application guides (*.toml)</translation>
    </message>
</context>
<context>
    <name>PhoneField</name>
    <message>
        <location filename="../../desktop/ui/fields/enterprise.py" line="+58"/>
        <source>0760-22345678 或 13800000000</source>
        <translation>0760-22345678 or 13800000000</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>“{text}”不像电话号码：只能含数字、空格、+、-、括号</source>
        <translation>&apos;{text}&apos; does not look like a phone number: use only digits, spaces, +, - and brackets</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="+62"/>
        <location line="+4"/>
        <source>提醒</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已记录的申报</source>
        <translation>Applications recorded</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等待结果</source>
        <translation>Waiting for a result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>准备中（含未记录进度）</source>
        <translation>Preparing (or no status recorded)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>评估</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>双击一行打开该评估的“申报材料与进度”。</source>
        <translation>Double-click a row to open the assessment&apos;s documents and status.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>提醒导出为日历…</source>
        <translation>Export reminders to a calendar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>把上面的提醒存为 .ics 日历文件，可导入 Outlook、WPS 或手机日历，到期前提醒。</source>
        <translation>Save the reminders above as an .ics calendar file for Outlook, WPS or a phone calendar, which reminds you before each is due.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year} 年 {amount}</source>
        <translation>{year}: {amount}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已拨付：{years}</source>
        <translation>Paid: {years}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚未记录任何拨付。</source>
        <translation>No payment recorded yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>共 {n} 项申报有记录：等待结果 {waiting} 项（测算金额合计 {amount}），已拨付 {paid} 项，未获支持 {rejected} 项。</source>
        <translation>{n} applications recorded: {waiting} waiting for a result (computed amounts {amount} in all), {paid} paid, {rejected} not granted.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>目前没有需要留意的事项。</source>
        <translation>Nothing needs attention at present.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>申报提醒-{date}.ics</source>
        <translation>application-reminders-{date}.ics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>无法导出日历</source>
        <translation>Cannot export the calendar</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>已把 %n 条提醒存入：
{file}</source>
        <translation>
            <numerusform>Saved %n reminder to:
{file}</numerusform>
            <numerusform>Saved %n reminders to:
{file}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导出日历</source>
        <translation>Calendar exported</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../desktop/ui/pages/question_row.py" line="+23"/>
        <source>？{term}</source>
        <translation>? {term}</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已按已获拨付记录勾选（同一项目已获支持）：{entries}</source>
        <translation>Ticked from the amounts received (the same project was funded already): {entries}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>取自已获拨付记录：{entries}（合计 {total}）</source>
        <translation>From the amounts received: {entries} (total {total})</translation>
    </message>
</context>
<context>
    <name>Questionnaire</name>
    <message>
        <location filename="../../desktop/ui/questionnaire.py" line="+44"/>
        <source>← 企业列表</source>
        <translation>← Enterprises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>返回企业列表（评估已自动保存）</source>
        <translation>Back to the list of enterprises (the assessment is saved as you type)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>上一步(&amp;B)</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+125"/>
        <source>下一步(&amp;N)</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>请先改正标红的内容（或清空它）再继续：{reason}</source>
        <translation>Please correct the entry marked in red (or clear it) before going on: {reason}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>查看结果(&amp;N)</source>
        <translation>See results (&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {n} 步，共 {total} 步</source>
        <translation>Step {n} of {total}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>未能保存：{reason} 修改仍在窗口中，程序会继续尝试保存；关闭前会询问如何保留。</source>
        <translation>Not saved: {reason} Your changes are still in the window and saving goes on being tried; before closing you will be asked how to keep them.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>已定稿（{when}）：以下答案和结果只读。如需修改，请用“评估 → 重新编辑”。</source>
        <translation>Final ({when}): the answers and results below are read-only. To change them, use &apos;Assessment → Edit again&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已定稿：以下答案和结果只读。如需修改，请用“评估 → 重新编辑”。</source>
        <translation>Final: the answers and results below are read-only. To change them, use &apos;Assessment → Edit again&apos;.</translation>
    </message>
</context>
<context>
    <name>ReceivedDialog</name>
    <message>
        <location filename="../../desktop/ui/received_dialog.py" line="+58"/>
        <source>已获拨付记录</source>
        <translation>Amounts received</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本企业已获得的扶持资金。本程序中其他评估记录为“已拨付”的申报自动列入；此前或经其他渠道获得的资金可在下方手工记录。规则中的“已获支持”“差额”和“同一项目不得重复支持”读取这些记录。</source>
        <translation>The support this enterprise has received. Claims recorded as paid in its other assessments are listed by themselves; funds received earlier or from elsewhere can be recorded below. The rules read these records for &quot;already received&quot;, awards of the difference still due and &quot;no double funding of one project&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+46"/>
        <source>拨付日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="-45"/>
        <location line="+33"/>
        <source>政策</source>
        <translation>Policy</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+44"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>删除所选记录</source>
        <translation>Delete the selected record</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>手工记录一笔</source>
        <translation>Record an amount by hand</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{title}（{id}）</source>
        <translation>{title} ({id})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>可不填：默认为支持项目名称</source>
        <translation>Optional: the item&apos;s name by default</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>例如 200000 或 20万</source>
        <translation>e.g. 200000 or 200,000</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>手工记录</source>
        <translation>Recorded by hand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>答卷 {file}</source>
        <translation>Answers file {file}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>其他评估的申报记录</source>
        <translation>Claim of another assessment</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>共 %n 笔，合计 {amount}</source>
        <translation>
            <numerusform>%n amount, in all {amount}</numerusform>
            <numerusform>%n amounts, in all {amount}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚无已获拨付记录。</source>
        <translation>No amount received recorded yet.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>其他评估的申报记录请在该评估的“申报材料与进度”中修改。</source>
        <translation>A claim of another assessment is changed on that assessment&apos;s Applications tab.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>请选择支持项目。</source>
        <translation>Choose a support item.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请填写金额。</source>
        <translation>Enter the amount.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>金额应大于 0。</source>
        <translation>The amount must be more than 0.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请填写拨付日期。</source>
        <translation>Enter the date it was paid.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>拨付日期 {day} 晚于今天。</source>
        <translation>The payment date {day} is after today.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>已有同一笔记录（同一政策、项目、金额和日期），未重复记录。</source>
        <translation>The same amount (same policy, item, amount and date) is already recorded; not recorded twice.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>删除这笔记录？
{day} {item} {amount}</source>
        <translation>Delete this record?
{day} {item} {amount}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>删除记录</source>
        <translation>Delete the record</translation>
    </message>
</context>
<context>
    <name>ReminderLine</name>
    <message>
        <location filename="../../desktop/ui/reminder_line.py" line="+102"/>
        <source>{day}  {enterprise}：{text}</source>
        <translation>{day}  {enterprise}: {text}</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>提醒（%n 项）：</source>
        <translation>
            <numerusform>Reminder (%n):</numerusform>
            <numerusform>Reminders (%n):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>另有 %n 项，见“申报进度…”。</source>
        <translation>
            <numerusform>%n more: see Application status….</numerusform>
            <numerusform>%n more: see Application status….</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultRows</name>
    <message>
        <location filename="../../desktop/ui/pages/result_rows.py" line="+76"/>
        <source>申报窗口</source>
        <translation>Application window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报方式</source>
        <translation>How to apply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>咨询</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报指南说明</source>
        <translation>The guide adds</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{name}：{text}</source>
        <translation>{name}: {text}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请咨询：{whom}</source>
        <translation>Ask: {whom}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待确认的原因</source>
        <translation>What is to confirm</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>计算过程</source>
        <translation>Computation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>内容</source>
        <translation>What it offers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>判断过程</source>
        <translation>How it was decided</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>本工具的理解（非原文规定）</source>
        <translation>The tool&apos;s reading (not the text&apos;s words)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+71"/>
        <source>申报安排</source>
        <translation>When and where to apply</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>材料清单的来源：{source}</source>
        <translation>Where the list comes from: {source}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>申报材料（{note}）</source>
        <translation>Documents ({note})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>注意</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>{figure} / 每 {step}</source>
        <translation>{figure} per {step}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>企业自身难以改变的（{n} 项）</source>
        <translation>What the enterprise cannot change ({n})</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../desktop/ui/pages/results_page.py" line="+74"/>
        <source>结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>申报指南</source>
        <translation>Application guide</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>打印清单…</source>
        <translation>Print checklist…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存清单 PDF…</source>
        <translation>Save checklist as PDF…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>确认后可得（元）</source>
        <translation>Once confirmed (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请咨询</source>
        <translation>Ask</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>申报窗口</source>
        <translation>Application window</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>申报方式</source>
        <translation>How to apply</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>咨询</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>怎样可以争取</source>
        <translation>What it would take</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>可多得（元）</source>
        <translation>More (yuan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>内容</source>
        <translation>What it covers</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>复制为方案…</source>
        <translation>Copy as scenario…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方案对比…</source>
        <translation>Compare scenarios…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>最新：{round}</source>
        <translation>Newest: {round}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{round}（{day}）</source>
        <translation>{round} ({day})</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>《{title}》&#x3000;{period}的经营活动&#x3000;填写日期 {day}</source>
        <translation>{title} · activity in {period} · answers given on {day}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>填写日期 {day}</source>
        <translation>Answers given on {day}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>另有待确认 {amount}（{n} 项，不计入合计，见“待确认”）</source>
        <translation>Besides, {amount} to confirm (items: {n}; not in the total, see &apos;To confirm&apos;)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>其中 {amount}（{n} 项）的申报窗口已截止，见“申报安排”</source>
        <translation>Of which {amount} (items: {n}) has a window that has closed; see &apos;When and where to apply&apos;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>可测算金额（{n} 项）</source>
        <translation>Amounts ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待确认（{n} 项）</source>
        <translation>To confirm ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报安排（{n} 项）</source>
        <translation>Application plan ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报材料与进度（{n} 项）</source>
        <translation>Documents and status ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>还可争取（{n} 项）</source>
        <translation>To unlock ({n})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>若当时做到（{n} 项）</source>
        <translation>Had more been done then ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>金额待定的支持（{n} 项）</source>
        <translation>Amount set later ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可使用的服务（{n} 项）</source>
        <translation>Services ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂不可申请（{n} 项）</source>
        <translation>Not available ({n})</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>点行首的 ▸ 展开计算过程、申报安排和申报材料。</source>
        <translation>Click ▸ at the start of a row for the computation, when and where to apply, and the documents.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>这些项目的金额不计入合计：按原文可以有不同理解，或基本条件尚待确认。点 ▸ 看原因。</source>
        <translation>These amounts are not in the total: the text can be read more than one way, or a basic condition is still to be confirmed. Click ▸ for the reason.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>申报时间和要求以主管部门发布的申报通知为准；右上角可以选用其他申报指南。</source>
        <translation>The bureau&apos;s application notice sets the dates and requirements; another application guide can be chosen at the top right.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>点行首的 ▸ 展开申请内容、责任单位和申报材料。</source>
        <translation>Click ▸ at the start of a row to see what it offers, the responsible units and the documents to prepare.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>点行首的 ▸ 展开服务内容和责任单位。</source>
        <translation>Click ▸ at the start of a row to see what the service offers and who provides it.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>不符合条件</source>
        <translation>Does not qualify</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../desktop/ui/pages/review_page.py" line="+27"/>
        <source>复核</source>
        <translation>Review</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>请逐项核对。点“修改”回到该题；改动后金额会重新计算。未显示的追问题（不适用）不列出。</source>
        <translation>Please check each answer. Click &apos;Edit&apos; to go back to that question; amounts are recomputed after any change. Follow-up questions that do not apply are not listed.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>联系人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>企业基本信息</source>
        <translation>Enterprise details</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>未填写</source>
        <translation>Not given</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>修改</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>修改：{label}</source>
        <translation>Edit: {label}</translation>
    </message>
</context>
<context>
    <name>RowsModel</name>
    <message>
        <location filename="../../desktop/ui/list_import.py" line="-451"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>原因 / 说明</source>
        <translation>Why / notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>计入</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未计入</source>
        <translation>Left out</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ScenarioBook</name>
    <message>
        <location filename="../../desktop/ui/scenarios.py" line="+100"/>
        <source>无法读取方案</source>
        <translation>Cannot read the scenarios</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+2"/>
        <source>方案 {n}</source>
        <translation>Scenario {n}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>方案名称（例如“若 2026 年购置新生产线”）：</source>
        <translation>Name of the scenario (e.g. &apos;If we buy a new production line in 2026&apos;):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>请为方案起一个名称。</source>
        <translation>Please give the scenario a name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已有名为“{name}”的方案，请换一个名称。</source>
        <translation>There is already a scenario named &apos;{name}&apos;. Please choose another name.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>复制为方案</source>
        <translation>Copy as scenario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>复制方案</source>
        <translation>Copy scenario</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>无法建立方案</source>
        <translation>Cannot create the scenario</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>重命名方案</source>
        <translation>Rename scenario</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法重命名方案</source>
        <translation>Cannot rename the scenario</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>删除方案</source>
        <translation>Delete scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除方案“{name}”吗？它的答案将一并删除，无法恢复。基础评估不受影响。</source>
        <translation>Delete the scenario &apos;{name}&apos;? Its answers are deleted with it and cannot be restored. The base assessment is not affected.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>无法删除方案</source>
        <translation>Cannot delete the scenario</translation>
    </message>
</context>
<context>
    <name>ScenarioPanel</name>
    <message>
        <location filename="../../desktop/ui/comparison_window.py" line="+85"/>
        <source>方案</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>勾选要与基础评估并排对比的方案（最多 {n} 个）。双击打开修改。</source>
        <translation>Tick the scenarios to compare with the base assessment (at most {n}). Double-click one to edit it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还没有方案。点“新建”复制基础评估的答案，再改其中的假设，例如明年新购置的设备。</source>
        <translation>No scenarios yet. &apos;New&apos; copies the answers of the base assessment; then change what you assume, e.g. next year&apos;s new equipment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新建（复制基础评估）…</source>
        <translation>New (copy of the base)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复制所选…</source>
        <translation>Copy the selected…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开所选修改</source>
        <translation>Edit the selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>一页最多并排对比 {n} 个方案：请先取消勾选另一个。</source>
        <translation>A page compares at most {n} scenarios side by side: untick another one first.</translation>
    </message>
</context>
<context>
    <name>ScenarioWindow</name>
    <message>
        <location filename="../../desktop/ui/scenario_window.py" line="+115"/>
        <source>自动保存</source>
        <translation>Autosave</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>部分答案未能载入</source>
        <translation>Some answers could not be loaded</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>这是假设的情形：这里的修改只保存在本方案中，不会改变基础评估，也不会改变它的定稿结果。企业信息和填写日期沿用基础评估。</source>
        <translation>This is a what-if case: changes made here are saved in this scenario only; they change neither the base assessment nor its finalised result. Enterprise details and the date the answers were given are those of the base assessment.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方案对比…</source>
        <translation>Compare scenarios…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>方案：{name}</source>
        <translation>Scenario: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} — 方案 — {enterprise}</source>
        <translation>{name} — scenario — {enterprise}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} — 方案</source>
        <translation>{name} — scenario</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>已保存到本方案 {time}</source>
        <translation>Saved to this scenario {time}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>未能保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数据库没有接受最近的修改。</source>
        <translation>The database did not take the latest changes.</translation>
    </message>
</context>
<context>
    <name>ScenarioWriter</name>
    <message>
        <location line="-157"/>
        <source>{name}（我的修改）</source>
        <translation>{name} (my changes)</translation>
    </message>
</context>
<context>
    <name>Scenarios</name>
    <message>
        <location filename="../../desktop/ui/scenarios.py" line="-222"/>
        <source>基础评估（已定稿）</source>
        <translation>Base assessment (finalised)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>基础评估</source>
        <translation>Base assessment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/scenario_shelf.py" line="+42"/>
        <source>方案</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请先在企业列表中打开一份评估：方案保存在评估之下。</source>
        <translation>Open an assessment from the list of enterprises first: scenarios are kept with an assessment.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法读取方案</source>
        <translation>Cannot read the scenarios</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <location filename="../../desktop/ui/single_instance.py" line="+140"/>
        <source>程序已经打开（使用同一个数据库），已切换到已打开的窗口。</source>
        <translation>The program is already open on the same database; switched to the open window.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>程序已在运行，正在使用数据库 {path}，但没有响应。为免两个窗口互相覆盖保存的内容，这次没有打开。请切换到已打开的窗口，或等它关闭后再打开。</source>
        <translation>The program is already running on the database {path} but does not respond. So that two windows cannot overwrite each other&apos;s work, it was not opened again. Switch to the open window, or start again once it has closed.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>程序已在运行</source>
        <translation>The program is already running</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../desktop/ui/start_page.py" line="+55"/>
        <source>企业与评估</source>
        <translation>Enterprises and assessments</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>按企业名称或统一社会信用代码搜索</source>
        <translation>Search by enterprise name or Unified Social Credit Code</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>还没有任何企业。点击“新建评估”开始填写，或点击“导入答卷”读入已有的答卷文件。</source>
        <translation>No enterprises yet. Click &apos;New assessment&apos; to start, or &apos;Import answers files&apos; to read existing ones.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>新企业的评估</source>
        <translation>Assessment of a new enterprise</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>为所选企业新建评估</source>
        <translation>New assessment of the selected enterprise</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>以所选评估的答案为起点，新建一份草稿（例如下一年度）</source>
        <translation>Start a new draft from the answers of the selected assessment (for example, for the next year)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+264"/>
        <source>导出答卷</source>
        <translation>Export answers file</translation>
    </message>
    <message>
        <location line="-262"/>
        <location line="+39"/>
        <location line="+265"/>
        <source>导入答卷</source>
        <translation>Import answers files</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>申报进度…</source>
        <translation>Application status…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所有评估已记录的申报：等待结果、已拨付（按年合计）和提醒</source>
        <translation>Every recorded application: waiting, paid (totals by year) and reminders</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>无法读取数据库</source>
        <translation>Cannot read the database</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>无法更换申报指南</source>
        <translation>Could not change the application guide</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>已更换所选评估的申报指南。</source>
        <translation>The selected assessment&apos;s application guide was changed.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>无法新建评估</source>
        <translation>Cannot create the assessment</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>无法复制评估</source>
        <translation>Cannot duplicate the assessment</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已复制为新的草稿，可打开后修改。</source>
        <translation>Duplicated as a new draft; open it to make changes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>（未填写企业名称）</source>
        <translation>(no enterprise name)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>评估 #{id}</source>
        <translation>Assessment #{id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确定删除“{name}”的评估“{label}”吗？
删除后无法恢复；如需保留，请先“导出答卷”。</source>
        <translation>Delete the assessment &apos;{label}&apos; of &apos;{name}&apos;?
This cannot be undone; to keep a copy, use &apos;Export answers file&apos; first.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>确定删除企业“{name}”及其全部 {n} 份评估吗？
删除后无法恢复；如需保留，请先“导出答卷”。</source>
        <translation>Delete the enterprise &apos;{name}&apos; and all its {n} assessments?
This cannot be undone; to keep a copy, use &apos;Export answers file&apos; first.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>确认删除</source>
        <translation>Confirm deletion</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>无法删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已删除。</source>
        <translation>Deleted.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>已打开培训示例：它与真实企业分开保存，其申报窗口不计入日历。</source>
        <translation>Training example opened: it is kept apart from the real firms, and its windows stay out of the calendar.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>已导入 %n 个文件。</source>
        <translation>
            <numerusform>Imported %n file.</numerusform>
            <numerusform>Imported %n files.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{imported}其中 {n} 个文件的企业已在库中（统一社会信用代码相同），已归入该企业。</source>
        <translation>{imported} {n} of them are for enterprises already stored (same Unified Social Credit Code) and were added to them.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>以下 %n 个文件未导入：</source>
        <translation>
            <numerusform>This file was not imported:</numerusform>
            <numerusform>These %n files were not imported:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>企业名称不一致</source>
        <translation>Different enterprise names</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>文件“{file}”中的企业名称是“{new}”，
库中同一统一社会信用代码的企业名为“{old}”。
导入后答卷归入该企业。使用哪个名称？</source>
        <translation>The file &apos;{file}&apos; names the enterprise &apos;{new}&apos;;
the enterprise stored with the same unified social credit code is named &apos;{old}&apos;.
The answers will go to that enterprise. Which name is right?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不导入此文件</source>
        <translation>Do not import this file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>使用文件中的名称</source>
        <translation>Use the name in the file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保留原名称</source>
        <translation>Keep the stored name</translation>
    </message>
    <message>
        <location line="-279"/>
        <location line="+223"/>
        <source>答卷文件 (*.json)</source>
        <translation>Answers files (*.json)</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>{enterprises}，{assessments}</source>
        <translation>{enterprises}, {assessments}</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n 家企业</source>
        <translation>
            <numerusform>%n enterprise</numerusform>
            <numerusform>%n enterprises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n 份评估</source>
        <translation>
            <numerusform>%n assessment</numerusform>
            <numerusform>%n assessments</numerusform>
        </translation>
    </message>
    <message>
        <location line="+192"/>
        <source>答卷</source>
        <translation>answers</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已导出到 {path}</source>
        <translation>Exported to {path}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>……另有 {n} 处问题</source>
        <translation>… and {n} more problems</translation>
    </message>
</context>
<context>
    <name>TableField</name>
    <message>
        <location filename="../../desktop/ui/fields/table.py" line="+90"/>
        <location line="+96"/>
        <source>新{record}</source>
        <translation>New {record}</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>添加{record}</source>
        <translation>Add {record}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+158"/>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>修改所选</source>
        <translation>Edit selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除所选</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清空表单</source>
        <translation>Clear form</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>{label}：{problem}</source>
        <translation>{label}: {problem}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请填写{label}</source>
        <translation>Please fill in {label}</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>修改第 {n} 条{record}</source>
        <translation>Editing {record} no. {n}</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>表单中还有未保存的内容：请点“{verb}”，或点“清空表单”</source>
        <translation>The form holds entries that are not saved yet: click &apos;{verb}&apos;, or click &apos;Clear form&apos;</translation>
    </message>
</context>
<context>
    <name>TextField</name>
    <message>
        <location filename="../../desktop/ui/fields/simple.py" line="-54"/>
        <source>最多 {n} 个字</source>
        <translation>At most {n} characters</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{n} / {limit} 字</source>
        <translation>{n} / {limit} characters</translation>
    </message>
</context>
<context>
    <name>TownField</name>
    <message>
        <location filename="../../desktop/ui/fields/enterprise.py" line="+18"/>
        <source>（请选择）</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>请填写镇街名称</source>
        <translation>Please enter the name of the town/street</translation>
    </message>
</context>
<context>
    <name>TrainingExamples</name>
    <message>
        <location filename="../../desktop/ui/training_examples.py" line="+27"/>
        <source>灯饰出口企业（古镇）：展会、出口信用保险、跨境电商</source>
        <translation>Lighting exporter (Guzhen): trade fairs, export credit insurance, cross-border e-commerce</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>家电制造企业（南头）：外贸骨干企业，多项支持</source>
        <translation>Home appliance maker (Nantou): key foreign-trade enterprise, many supports</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>小型贸易商行（石岐）：规模小，可申请项目少</source>
        <translation>Small trading firm (Shiqi): small scale, few items to claim</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>（没有找到示例文件）</source>
        <translation>(no example files found)</translation>
    </message>
</context>
<context>
    <name>Unsaved</name>
    <message>
        <location filename="../../desktop/ui/unsaved.py" line="+32"/>
        <source>答卷</source>
        <translation>answers</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>另存答卷</source>
        <translation>Save answers as</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>答卷文件 (*.json);;所有文件 (*)</source>
        <translation>Answers files (*.json);;All files (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法保存答卷</source>
        <translation>Could not save the answers</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>另存为新的评估</source>
        <translation>Keep as a new assessment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另存为答卷文件…</source>
        <translation>Save as an answers file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不保存，放弃这些修改</source>
        <translation>Do not save; discard these changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最近的修改没有保存到数据库：
{reason}

请选择如何保留这些修改。关闭此提示则留在窗口中，修改仍在，程序会继续尝试保存。</source>
        <translation>The latest changes were not saved to the database:
{reason}

Please choose how to keep them. Closing this message keeps you in the window with your changes, and saving goes on being tried.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>修改尚未保存</source>
        <translation>Changes not saved</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已另存为新的评估</source>
        <translation>Kept as a new assessment</translation>
    </message>
</context>
<context>
    <name>WindowCalendar</name>
    <message>
        <location filename="../../desktop/ui/window_calendar.py" line="-261"/>
        <source>申报窗口</source>
        <translation>Application windows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出日历…</source>
        <translation>Export calendar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把下列申报窗口存为日历文件（.ics），可导入 Outlook、WPS 或手机日历</source>
        <translation>Save the windows below as a calendar file (.ics) for Outlook, WPS or a phone calendar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>含培训示例</source>
        <translation>Include training examples</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>也列出培训示例企业的申报窗口（虚构，仅供演示）</source>
        <translation>Also list the windows of the training examples (invented, for demonstrations only)</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>正在计算 %n 份评估的申报窗口……</source>
        <translation>
            <numerusform>Computing the application windows of %n assessment…</numerusform>
            <numerusform>Computing the application windows of %n assessments…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>正在计算申报窗口：{done} / {total}……</source>
        <translation>Computing the application windows: {done} / {total}…</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+5"/>
        <source>无法读取申报窗口：{reason}</source>
        <translation>Could not read the application windows: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n 项，最早截止的在前</source>
        <translation>
            <numerusform>%n window, the soonest closing first</numerusform>
            <numerusform>%n windows, the soonest closing first</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>只保存了培训示例：其申报窗口是虚构的，勾选“含培训示例”才列出。</source>
        <translation>Only training examples are stored: their windows are invented and are listed only with &apos;Include training examples&apos; ticked.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已保存的评估没有适用的申报指南，列不出申报窗口；申报指南可在“工具 → 政策包”中添加。</source>
        <translation>No application guide applies to the stored assessments, so no window can be listed; guides are added under &apos;Tools → Policy packs&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已保存评估所用的申报指南中未见申报窗口（所用申报指南：{guides}）。</source>
        <translation>No window was found in the application guides the stored assessments use (guides in use: {guides}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已保存评估可申请的项目目前没有正在开放或即将开始的申报窗口（所用申报指南：{guides}）。</source>
        <translation>No window is open or coming for the items the stored assessments may claim (guides in use: {guides}).</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>另有 %n 份评估的政策包已不在本机，未列出。</source>
        <translation>
            <numerusform> %n more assessment is not listed: its policy pack is no longer on this computer.</numerusform>
            <numerusform> %n more assessments are not listed: their policy pack is no longer on this computer.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>申报窗口-{date}.ics</source>
        <translation>application-windows-{date}.ics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出日历</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>日历文件 (*.ics)</source>
        <translation>Calendar files (*.ics)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法导出日历</source>
        <translation>Could not export the calendar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>• {firm}：{item}（{opens} 至 {closes}）</source>
        <translation>• {firm}: {item} ({opens} to {closes})</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>以下 %n 个窗口的日期无法写入日历（不在 2000 至 2100 年之间），未导出：</source>
        <translation>
            <numerusform>The dates of the following window cannot be written to a calendar (they are not between the years 2000 and 2100); it was not exported:</numerusform>
            <numerusform>The dates of the following %n windows cannot be written to a calendar (they are not between the years 2000 and 2100); they were not exported:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已导出日历</source>
        <translation>Calendar exported</translation>
    </message>
    <message numerus="yes">
        <location line="-12"/>
        <source>已把 %n 个申报窗口存入：
{file}</source>
        <translation>
            <numerusform>%n application window saved in:
{file}</numerusform>
            <numerusform>%n application windows saved in:
{file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowsModel</name>
    <message>
        <location line="-269"/>
        <source>申报窗口</source>
        <translation>Window</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>剩余时间</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>（未填写企业名称）</source>
        <translation>(no enterprise name)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>至 {closes}</source>
        <translation>to {closes}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{opens} 至 {closes}</source>
        <translation>{opens} to {closes}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>以申报通知为准</source>
        <translation>Set by the notice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{amount}（{status}）</source>
        <translation>{amount} ({status})</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n 天后开始</source>
        <translation>
            <numerusform>Opens in %n day</numerusform>
            <numerusform>Opens in %n days</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>今日截止</source>
        <translation>Closes today</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>还有 %n 天</source>
        <translation>
            <numerusform>%n day left</numerusform>
            <numerusform>%n days left</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{firm}：{item}</source>
        <translation>{firm}: {item}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>申报方式：{text}</source>
        <translation>How to apply: {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>联系：{text}</source>
        <translation>Contact: {text}</translation>
    </message>
</context>
<context>
    <name>WorkspaceWindow</name>
    <message>
        <location filename="../../desktop/ui/workspace_window.py" line="+295"/>
        <source>协会工作区：会员企业汇总</source>
        <translation>Association workspace: member firms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>另建一个工作区（例如另一次培训的会员企业）</source>
        <translation>Start another workspace (for example, the members of another training)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重命名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>更改当前工作区的名称</source>
        <translation>Change the name of this workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除工作区…</source>
        <translation>Delete workspace…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>删除当前工作区及其中的企业（不删除任何文件）</source>
        <translation>Delete this workspace and its firms (no file is deleted)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入答卷文件…</source>
        <translation>Import answers files…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>选择一个或多个答卷文件（.json）</source>
        <translation>Choose one or more answers files (.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入文件夹…</source>
        <translation>Import folder…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>导入文件夹（含子文件夹）中的全部答卷文件</source>
        <translation>Import every answers file in a folder (and its subfolders)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入 Excel…</source>
        <translation>Import Excel…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>导入按模板填写的 Excel 表，每行一家企业</source>
        <translation>Import an Excel sheet filled in from the template, one firm per row</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>生成 Excel 模板…</source>
        <translation>Create Excel template…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>生成供会员企业填写的 Excel 模板</source>
        <translation>Create an Excel template for member firms to fill in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>导出表格中当前显示的企业</source>
        <translation>Export the firms shown in the table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>导出表格中当前显示的企业（UTF-8）</source>
        <translation>Export the firms shown in the table (UTF-8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出汇总 PDF…</source>
        <translation>Export summary PDF…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>表格中当前显示的企业及其金额，附上次导入的问题</source>
        <translation>The firms shown in the table with their amounts, plus the problems of the last import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>从工作区中移除全部企业（不删除文件）</source>
        <translation>Remove every firm from the workspace (no file is deleted)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>工作区(&amp;W)：</source>
        <translation>&amp;Workspace:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>申报窗口</source>
        <translation>Application windows</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>差一项条件的企业数</source>
        <translation>Firms one condition away</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最多可增加（元）</source>
        <translation>Could add up to (yuan)</translation>
    </message>
    <message numerus="yes">
        <location line="+178"/>
        <source>正在整理 %n 家企业的数据……</source>
        <translation>
            <numerusform>Working out the figures of %n firm…</numerusform>
            <numerusform>Working out the figures of %n firms…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+97"/>
        <source>若{action}</source>
        <translation>If: {action}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n 家会员企业若{action}，最多可增加 {amount}</source>
        <translation>
            <numerusform>%n member firm could gain up to {amount}; condition: {action}</numerusform>
            <numerusform>%n member firms could gain up to {amount}; condition: {action}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>（其中 %n 家按上限计：测算金额所需的回答尚未填写）</source>
        <translation>
            <numerusform> (for %n of them at the cap: the answers the figure needs are not given)</numerusform>
            <numerusform> (for %n of them at the cap: the answers the figures need are not given)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>导入的企业没有可申报的项目，或没有适用的申报指南。</source>
        <translation>The imported firms have no item to apply for, or no application guide applies.</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>显示 {shown} / %n 家企业；{total}</source>
        <translation>
            <numerusform>Showing {shown} of %n firm; {total}</numerusform>
            <numerusform>Showing {shown} of %n firms; {total}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>正在生成汇总 PDF：已排好 {pages} 页……</source>
        <translation>Drawing the summary PDF: {pages} pages laid out…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>正在读取 {done} / {total}……</source>
        <translation>Reading {done} of {total}…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>导入失败</source>
        <translation>Import failed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在停止……</source>
        <translation>Stopping…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>正在导入……</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>正在读取 {file}……</source>
        <translation>Reading {file}…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>导入已取消</source>
        <translation>Import cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入已在中途取消。已读取的 {count} 家企业要加入工作区吗？</source>
        <translation>The import was cancelled part way. Add the {count} firms read so far to the workspace?</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>企业已在工作区中</source>
        <translation>Firms already in the workspace</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>用新数据替换</source>
        <translation>Replace with the new data</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>保留原来的数据</source>
        <translation>Keep the earlier data</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>正在保存到数据库……</source>
        <translation>Saving to the database…</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>已导入 %n 家企业。</source>
        <translation>
            <numerusform>Imported %n firm.</numerusform>
            <numerusform>Imported %n firms.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>其中 %n 家此前已导入，已用新数据替换。</source>
        <translation>
            <numerusform>One of them was imported before and has been replaced with the new data.</numerusform>
            <numerusform>%n of them were imported before and have been replaced with the new data.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n 家此前已导入的企业保留了原来的数据。</source>
        <translation>
            <numerusform>One firm imported before kept its earlier data.</numerusform>
            <numerusform>%n firms imported before kept their earlier data.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据库不可用：这些企业只在本窗口中，关闭后不会保留。</source>
        <translation>The database is not available: these firms are only in this window and will not be kept after it closes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未能保存到数据库，见上一条消息。</source>
        <translation>They could not be saved to the database: see the previous message.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n 个文件或行有问题，未导入，详见“导入问题”页。</source>
        <translation>
            <numerusform>One file or row has problems and was not imported: see the &apos;Import problems&apos; tab.</numerusform>
            <numerusform>%n files or rows have problems and were not imported: see the &apos;Import problems&apos; tab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+64"/>
        <source>已导出 %n 家企业到 {file}</source>
        <translation>
            <numerusform>Exported %n firm to {file}</numerusform>
            <numerusform>Exported %n firms to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>汇总 PDF（%n 家企业）已保存到 {file}</source>
        <translation>
            <numerusform>Summary PDF (%n firm) saved to {file}</numerusform>
            <numerusform>Summary PDF (%n firms) saved to {file}</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已取消：汇总 PDF 没有保存，原有文件未改动。</source>
        <translation>Cancelled: the summary PDF was not saved; any file already there is unchanged.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>正在生成汇总 PDF（%n 家企业）……</source>
        <translation>
            <numerusform>Drawing the summary PDF (%n firm)…</numerusform>
            <numerusform>Drawing the summary PDF (%n firms)…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>从这个工作区移除全部企业吗？（不会删除任何文件）</source>
        <translation>Remove every firm from this workspace? (No file is deleted.)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>导入尚未完成</source>
        <translation>Import still running</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正在导入或打开工作区。停止并关闭窗口吗？（已读取的内容不会加入）</source>
        <translation>Firms are being imported or the workspace is being opened. Stop and close the window? (What was read so far is not added.)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>关闭工作区</source>
        <translation>Close the workspace</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>数据库不可用，工作区中的 %n 家企业只在这个窗口中。关闭后它们不会保留（答卷文件仍在原处）。关闭吗？</source>
        <translation>
            <numerusform>The database is not available: the firm in the workspace is only in this window and will not be kept (its answers file stays where it is). Close?</numerusform>
            <numerusform>The database is not available: the %n firms in the workspace are only in this window and will not be kept (their answers files stay where they are). Close?</numerusform>
        </translation>
    </message>
    <message>
        <location line="-716"/>
        <source>按企业名称、统一社会信用代码或镇街筛选</source>
        <translation>Filter by enterprise name, Unified Social Credit Code or town/street</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>符合条件企业数</source>
        <translation>Firms that qualify</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可享服务企业数</source>
        <translation>Firms that can use the service</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+96"/>
        <source>会员企业</source>
        <translation>Member firms</translation>
    </message>
    <message numerus="yes">
        <location line="-278"/>
        <source>……另有 %n 家</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <location line="+183"/>
        <source>按措施汇总</source>
        <translation>By measure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>这个工作区还没有会员企业。

点“导入答卷文件…”或“导入文件夹…”读入会员企业的答卷；或点“生成 Excel 模板…”，请会员企业填好后用“导入 Excel…”读入。
导入的企业保存在本机数据库中，下次打开时仍在这里。</source>
        <translation>This workspace has no member firms yet.

Click &apos;Import answers files…&apos; or &apos;Import folder…&apos; to read your members&apos; answers files, or &apos;Create Excel template…&apos; for members to fill in, then &apos;Import Excel…&apos;.
Imported firms are kept in the database on this computer and are still here next time.</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+472"/>
        <source>无法保存工作区</source>
        <translation>Cannot save the workspace</translation>
    </message>
    <message>
        <location line="-464"/>
        <source>（未保存：数据库不可用）</source>
        <translation>(not kept: the database is not available)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+28"/>
        <location line="+27"/>
        <source>无法读取工作区</source>
        <translation>Cannot read the workspaces</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>{name}（{count}）</source>
        <translation>{name} ({count})</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n 家企业</source>
        <translation>
            <numerusform>%n firm</numerusform>
            <numerusform>%n firms</numerusform>
        </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>正在打开工作区……</source>
        <translation>Opening the workspace…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>新建工作区</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>工作区名称：</source>
        <translation>Name of the workspace:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法新建工作区</source>
        <translation>Cannot create the workspace</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>重命名工作区</source>
        <translation>Rename the workspace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新的名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>无法重命名</source>
        <translation>Cannot rename</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>删除工作区</source>
        <translation>Delete the workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除工作区“{name}”及其中的全部企业吗？答卷文件和 Excel 表不会被删除。</source>
        <translation>Delete the workspace &apos;{name}&apos; and all its firms? Answers files and Excel sheets are not deleted.</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>{office}（经 {phone} 政务服务热线转接，未见专线）</source>
        <translation>{office} (through the {phone} government service hotline; no direct line seen)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>已导入，但请核对：</source>
        <translation>Imported, but please check:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>上次导入没有问题。</source>
        <translation>The last import had no problems.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导入问题（{count}）</source>
        <translation>Import problems ({count})</translation>
    </message>
    <message numerus="yes">
        <location line="+138"/>
        <source>%n 家企业此前已导入这个工作区（统一社会信用代码或名称相同）：
{names}
用这次导入的数据替换它们，还是保留原来的数据？</source>
        <translation>
            <numerusform>%n firm was imported into this workspace before (same unified social credit code or name):
{names}
Replace it with the data of this import, or keep the earlier data?</numerusform>
            <numerusform>%n firms were imported into this workspace before (same unified social credit code or name):
{names}
Replace them with the data of this import, or keep the earlier data?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>%n 行已导入，但有内容请核对，详见“导入问题”页。</source>
        <translation>
            <numerusform>%n row was imported but has something to check; see &apos;Import problems&apos;.</numerusform>
            <numerusform>%n rows were imported but have something to check; see &apos;Import problems&apos;.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>导入完成（有问题）</source>
        <translation>Import finished (with problems)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导入完成</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>选择答卷文件</source>
        <translation>Choose answers files</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>答卷文件 (*.json)</source>
        <translation>Answers files (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择存放答卷文件的文件夹</source>
        <translation>Choose the folder holding the answers files</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择填好的 Excel 表</source>
        <translation>Choose the filled-in Excel sheet</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+6"/>
        <location line="+43"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>保存 Excel 模板</source>
        <translation>Save Excel template</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>会员企业填报模板.xlsx</source>
        <translation>member-firms-template.xlsx</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>无法生成模板</source>
        <translation>Cannot create the template</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+19"/>
        <location line="+52"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{file}：{reason}</source>
        <translation>{file}: {reason}</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>模板已生成</source>
        <translation>Template created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>模板已保存到 {file}（政策包 {pack} {version}）</source>
        <translation>Template saved to {file} (policy pack {pack} {version})</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+43"/>
        <source>已导出</source>
        <translation>Exported</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>会员企业汇总.xlsx</source>
        <translation>member-firms.xlsx</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>会员企业汇总.csv</source>
        <translation>member-firms.csv</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>导出汇总 PDF</source>
        <translation>Export summary PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>会员企业汇总.pdf</source>
        <translation>member-firms-summary.pdf</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>清空工作区</source>
        <translation>Clear workspace</translation>
    </message>
</context>
</TS>
