"""Reading amount rules from a pack: every name resolved, every type checked, every problem named.

Called by the loader once the questions are known (and by the guide reader for a guide's own amounts).
A problem is recorded with the file, the entry and the field (`…items[0]（aeo）.rule.smaller_of[1].of: …`)
and reading goes on, so a pack author sees every problem at once. What comes out is only used when there
was no problem at all.

What a block is comes from the one key that names it (desktop/policy/rules/__init__.py lists them); the
kind's own module reads its fields (`Kind.read`). This reader reads what every block shares: its
modifiers, the names and numbers it uses, and the forms packs were written in before the building blocks.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from desktop.policy.conditions.reader import ConditionReader
from desktop.policy.model import Question, Text
from desktop.policy.rules import BLOCK_KEYS, BLOCKS, FROM_OF, Block, fixed_sum, rate_of, rows_of
from desktop.policy.rules.base import NO_MODS, Cap, Mods, Operand, walk
from desktop.problems import Listed, Problem, Term, suggestion

if TYPE_CHECKING:
    from desktop.policy.loader import Where

MOD_KEYS = ("cap", "cap_name", "cap_name_en", "minus", "floor", "when", "label", "label_en")
LEGACY_TYPES = ("fixed", "rate", "per_record_rate")


class RuleReader(ConditionReader):
    """Reads the conditions and rules of one pack against its questions (and, inside `each`, a table's fields)."""

    # -- numbers ----------------------------------------------------------------------------------------
    def money(self, data: Mapping[str, Any], key: str, where: Where) -> Decimal | None:
        """A sum written in a rule: to the cent."""
        value = self.c.decimal(data, key, where)
        if value is not None and value != value.quantize(Decimal("0.01")):
            self.c.fail(where + f".{key}", Problem("rules.cents", value=str(value)))
            return None
        return value

    def rate_number(self, data: Mapping[str, Any], key: str, where: Where) -> Decimal | None:
        """A share: between 0 and 1 (as fine as a rate may be, whatever the field is called: `growth`)."""
        rate = self.c.decimal(data, key, where, kind="rate")
        if rate is not None and rate > 1:
            self.c.fail(where + f".{key}", Problem("rules.rate_range", value=str(rate)))
            return None
        return rate

    # -- what blocks name ---------------------------------------------------------------------------------
    def of(self, data: Mapping[str, Any], where: Where, row: Question | None) -> Operand | Block | None:
        """The amount a block computes from (`of`): a money question, or a block."""
        raw = data.get("of")
        if raw is None:
            self.c.fail(where + ".of", Problem("rules.of_missing"))
            return None
        if isinstance(raw, Mapping):
            return self.block(raw, where + ".of", row)
        return self.typed(raw, where + ".of", row, ("money",), Problem("rules.of_money"))

    def parts(self, data: Mapping[str, Any], key: str, where: Where, row: Question | None) -> tuple[Block, ...] | None:
        """The blocks a combination combines: at least two."""
        raw = data.get(key)
        if not isinstance(raw, list) or len(raw) < 2:
            self.c.fail(where + f".{key}", Problem("rules.parts"))
            return None
        parts = [self.block(p, where + f".{key}[{i}]", row) for i, p in enumerate(raw)]
        return None if any(p is None for p in parts) else tuple(p for p in parts if p is not None)

    def field(self, table: Question, name: object, where: Where) -> tuple[bool, Question | None]:
        """(found, field): a missing field is a problem only when a name was given."""
        if name is None:
            return True, None
        field = table.field(name) if isinstance(name, str) else None
        if field is None:
            near = suggestion(str(name), [f.id for f in table.fields])
            self.c.fail(where, Problem("rules.table_field", table=table.id, name=repr(name), suggestion=near))
            return False, None
        return True, field

    # -- blocks -----------------------------------------------------------------------------------------
    def rule(self, data: object, where: Where) -> Block | None:
        """An item's rule: a block in the form of docs/policy-packs.md §8, or one of the three older forms."""
        if isinstance(data, Mapping) and "type" in data:
            return self._legacy(data, where)
        return self.block(data, where, None)

    def block(self, data: object, where: Where, row: Question | None, *, quantity: bool = False) -> Block | None:
        """A block; `quantity`: it is the `of` of a `per`, so its figure must count a quantity, not yuan."""
        if quantity and not isinstance(data, Mapping):
            self.c.fail(where, Problem("rules.per_of_block"))
            return None
        if isinstance(data, (str, int)) and not isinstance(data, bool):  # a plain sum (a cap written "500000")
            amount = self.c.number(data, where, "amount")
            return None if amount is None else fixed_sum(amount)
        if not isinstance(data, Mapping):
            self.c.fail(where, Problem("rules.block_type"))
            return None
        kinds = [k for k in BLOCK_KEYS if k in data]
        if len(kinds) > 1:
            self.c.fail(where, Problem("rules.block_kinds", kinds=Listed(tuple(kinds))))
            return None
        if kinds:
            kind = BLOCKS[kinds[0]]
        elif "of" in data:
            kind = FROM_OF
        else:
            found = Listed(tuple(map(str, data)), "comma") if data else Term("nothing")
            self.c.fail(where, Problem("rules.block_unknown", keys=Listed((*BLOCK_KEYS, "of")), found=found))
            return None
        allowed = (*kind.own_keys, *MOD_KEYS)
        for key in data:
            if key not in allowed:
                near = suggestion(str(key), allowed)
                self.c.fail(where + f".{key}", Problem("rules.block_field", kind=kind.key, suggestion=near))
        mods = self._mods(data, where, row)
        block = kind.read(self, data, where, row, mods)
        if block is not None:
            self._check_floor(block, where)
            return self._check_unit(block, where, quantity)
        return block

    def _check_unit(self, block: Block, where: Where, quantity: bool) -> Block | None:
        """A block counting a quantity (USD) stands only where one is wanted, and carries no sum in yuan."""
        counted = block.counts()
        if quantity and counted is None:
            self.c.fail(where, Problem("rules.per_of_block"))
            return None
        if counted is not None and not quantity:
            self.c.fail(where, Problem("rules.quantity_block", question=counted.id))
            return None
        mods = block.mods
        if counted is not None and (mods.caps or mods.minus or mods.floor is not None):
            self.c.fail(where, Problem("rules.quantity_mods", question=counted.id))
            return None
        return block

    def _mods(self, data: Mapping[str, Any], where: Where, row: Question | None) -> Mods:
        caps: list[Cap] = []
        raw_caps = data.get("cap")
        if raw_caps is not None:
            cap_name = self.c.text(data, "cap_name", where, required=False)
            items = raw_caps if isinstance(raw_caps, list) else [raw_caps]
            for i, raw in enumerate(items):
                cw = where + ".cap" + (f"[{i}]" if isinstance(raw_caps, list) else "")
                bound = self.block(raw, cw, row)
                if bound is None:
                    continue
                if isinstance(raw, Mapping):  # a block cap is named by its own label
                    caps.append(Cap(bound, bound.mods.label))
                else:
                    caps.append(Cap(bound, cap_name if cap_name.zh else None))
        elif "cap_name" in data:
            self.c.fail(where + ".cap_name", Problem("rules.cap_name"))
        minus: list[Operand] = []
        raw_minus = data.get("minus")
        if raw_minus is not None:
            names = raw_minus if isinstance(raw_minus, list) else [raw_minus]
            for i, name in enumerate(names):
                mw = where + ".minus" + (f"[{i}]" if isinstance(raw_minus, list) else "")
                operand = self.typed(name, mw, row, ("money",), Problem("rules.minus"))
                if operand is not None:
                    minus.append(operand)
        floor = self.money(data, "floor", where) if "floor" in data else None
        when = self.condition(data["when"], where + ".when", row) if "when" in data else None
        label = self.c.text(data, "label", where, required=False)
        return Mods(tuple(caps), tuple(minus), floor, when, label if label.zh else None)

    def _check_floor(self, block: Block, where: Where) -> None:
        fixed_caps = [cap.fixed for cap in block.mods.caps if cap.fixed is not None]
        floor = block.mods.floor
        if floor is not None and fixed_caps and floor > min(fixed_caps):
            self.c.fail(where + ".floor", Problem("rules.floor", floor=str(floor), cap=str(min(fixed_caps))))

    # -- the three forms packs were written in before the building blocks ------------------------------
    def _legacy(self, data: Mapping[str, Any], where: Where) -> Block | None:
        rtype = self.c.choice_of(data, "type", where, LEGACY_TYPES, "fixed")
        allowed = {
            "fixed": ("type", "amount"),
            "rate": ("type", "base", "rate", "cap"),
            "per_record_rate": ("type", "records", "base_field", "label_field", "rate", "record_cap", "total_cap"),
        }[rtype]
        for key in data:
            if key not in allowed:
                near = suggestion(str(key), allowed)
                self.c.fail(where + f".{key}", Problem("rules.legacy_field", kind=rtype, suggestion=near))
        if rtype == "fixed":
            amount = self.money(data, "amount", where)
            return None if amount is None else fixed_sum(amount)
        rate = self.rate_number(data, "rate", where)
        if rtype == "rate":
            base = self.typed(data.get("base"), where + ".base", None, ("money",), Problem("rules.base"))
            cap = self.money(data, "cap", where) if "cap" in data else None
            if rate is None or base is None:
                return None
            return rate_of(rate, base, Mods(caps=(Cap(fixed_sum(cap)),)) if cap is not None else NO_MODS)
        records = data.get("records")
        table = self.questions.get(records) if isinstance(records, str) else None
        if table is None or table.type != "table":
            self.c.fail(where + ".records", Problem("rules.records", value=repr(records)))
            return None
        base_field = table.field(str(data.get("base_field", "")))
        if base_field is None or base_field.type != "money":
            self.c.fail(
                where + ".base_field", Problem("rules.base_field", table=table.id, name=repr(data.get("base_field")))
            )
            return None
        label_ok, label = self.field(table, data.get("label_field"), where + ".label_field")
        record_cap = self.money(data, "record_cap", where) if "record_cap" in data else None
        total_cap = self.money(data, "total_cap", where) if "total_cap" in data else None
        if rate is None or not label_ok:
            return None
        row_cap = Mods(caps=(Cap(fixed_sum(record_cap)),)) if record_cap is not None else NO_MODS
        per_row = rate_of(rate, Operand(base_field, in_row=True), row_cap)
        total_name = Text("每个单位上限", "cap per enterprise")
        total = Mods(caps=(Cap(fixed_sum(total_cap), total_name),)) if total_cap is not None else NO_MODS
        return rows_of(table, per_row, label, total)


def item_cycles(rules: Mapping[str, Block]) -> list[list[str]]:
    """Chains of items whose amounts depend on each other in a circle (`a → b → a`), each found once."""
    graph = {item: sorted({i for b in walk(rule) for i in b.item_ids()}) for item, rule in rules.items()}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return cycles
