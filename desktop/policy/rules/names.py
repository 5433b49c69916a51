"""What the things of a rule are called: a cap without a name of its own, a pack's noun inside an English sentence.

A name is made here once, from what the pack wrote (a cap's `cap_name`, a block's `label`, a table's
`record_label`), for every place that shows it: the explanation, the item's limits and stated caps, the
rule said in a few words, the opportunities and the differences between two packs.
"""

from __future__ import annotations

from desktop.policy.model import Question, Text

CAP = Text("上限", "cap")


def lowered(noun: str) -> str:
    """An English noun inside a sentence: "Premium" → "premium", "Overseas IP cases" → "overseas IP cases";
    an acronym that starts it ("AEO certification date") stays as it is."""
    first, _, rest = noun.partition(" ")
    if not first or (len(first) > 1 and first.isupper()):
        return noun
    return first[0].lower() + first[1:] + (" " + rest if rest else "")


def cap_name(own: Text | None, *, label: Text | None = None, rows: Question | None = None, group: bool = False) -> Text:
    """A cap's name: its own (`cap_name`, or a block cap's `label`); else the cap of a labelled block
    ("设备奖励上限"), of each row of a table ("每案件上限"), of each group of rows ("每组上限"); else "上限"."""
    if own is not None:
        return own
    if label is not None:
        return Text(f"{label.zh}上限", f"cap on {label.get('en')}")
    if rows is not None:
        record = rows.record_label
        return Text(f"每{record.zh}上限", f"cap per {lowered(record.get('en'))}")
    if group:
        return Text("每组上限", "cap per group")
    return CAP
