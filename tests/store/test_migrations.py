"""Migrations: a database written by an older program opens in a newer one with all its data."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from decimal import Decimal

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop.store import StoreError, open_store
from desktop.store.migrate import current_revision, head_revision, upgrade
from desktop.store.models import Base
from tests.conftest import REPO, raises_saying

FIRST = "0001"
CREATED = dt.datetime(2025, 5, 6, 7, 8, 9)

OLD_ENTERPRISES = [
    {
        "id": 1,
        "name": "中山市古镇明辉灯饰有限公司",
        "credit_code": "91442000MA4W8N3K2K",
        "town": "古镇镇",
        "contact": "李先生",
        "phone": "0760-1",
        "notes": "",
    },
    {
        "id": 2,
        "name": "生僻字 𠀀 & <公司> 'x'",
        "credit_code": None,
        "town": "",
        "contact": "",
        "phone": "",
        "notes": "备注",
    },
]
SNAPSHOT = {"total": "1710000.00", "policy": {"id": "zhongshan-2025"}, "items": []}
OLD_ASSESSMENTS = [
    {
        "id": 10,
        "enterprise_id": 1,
        "pack_id": "zhongshan-2025",
        "pack_version": "2025.1",
        "pack_hash": "a" * 64,
        "assessed_on": dt.date(2025, 11, 30),
        "answers": {"export_class": "class1", "credit_insurance_premium": "8600.00"},
        "result": SNAPSHOT,
        "status": "final",
        "finalised_at": CREATED,
    },
    {
        "id": 11,
        "enterprise_id": 1,
        "pack_id": "zhongshan-2025",
        "pack_version": "2025.1",
        "pack_hash": "a" * 64,
        "assessed_on": None,
        "answers": {},
        "result": None,
        "status": "draft",
        "finalised_at": None,
    },
    {
        "id": 12,
        "enterprise_id": 2,
        "pack_id": "zhongshan-2025",
        "pack_version": "2025.1",
        "pack_hash": "b" * 64,
        "assessed_on": dt.date(2025, 6, 1),
        "answers": {"ip_cases": [{"region": "美国", "fee": "1200.00"}]},
        "result": {"total": "0.00", "items": []},
        "status": "draft",
        "finalised_at": None,
    },
]


def first_revision_database(url: str) -> None:
    """A database as the first release of the program left it, with its rows written by hand."""
    engine = sa.create_engine(url)
    upgrade(engine, FIRST)
    meta = sa.MetaData()
    meta.reflect(engine)
    with engine.begin() as connection:
        stamps = {"created_at": CREATED, "updated_at": CREATED}
        connection.execute(meta.tables["enterprise"].insert(), [{**row, **stamps} for row in OLD_ENTERPRISES])
        connection.execute(meta.tables["assessment"].insert(), [{**row, **stamps} for row in OLD_ASSESSMENTS])
    with engine.connect() as connection:
        assert current_revision(connection) == FIRST
    engine.dispose()


def test_every_row_of_a_first_revision_database_survives_the_upgrade(database_url: str) -> None:
    first_revision_database(database_url)
    store = open_store(database_url)
    with store.engine.connect() as connection:
        assert current_revision(connection) == head_revision() != FIRST
    for old in OLD_ENTERPRISES:
        stored = store.get_enterprise(int(old["id"]))  # type: ignore[call-overload]
        assert stored.enterprise.name == old["name"]
        assert stored.enterprise.credit_code == (old["credit_code"] or "")
        assert stored.notes == old["notes"]
        assert stored.created_at == CREATED.replace(tzinfo=dt.UTC)
    for old in OLD_ASSESSMENTS:
        stored_assessment = store.get(int(old["id"]))  # type: ignore[call-overload]
        assert stored_assessment.enterprise_id == old["enterprise_id"]
        assert stored_assessment.answers == old["answers"]
        assert stored_assessment.snapshot == old["result"]  # moved to its own table, unchanged
        assert stored_assessment.status == old["status"]
        assert stored_assessment.assessed_on == old["assessed_on"]
        assert stored_assessment.label == ""
    # The new total column is filled from the snapshots that were there.
    assert store.get(10).total == Decimal("1710000.00")
    assert store.get(11).total is None
    assert store.get(12).total == Decimal("0.00")
    assert store.counts() == (2, 3)
    store.close()


def test_the_models_and_the_migrations_describe_the_same_schema(database_url: str) -> None:
    store = open_store(database_url)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    store.close()
    assert differences == []


def test_opening_twice_does_not_migrate_again(database_url: str) -> None:
    open_store(database_url).close()
    store = open_store(database_url)
    with store.engine.connect() as connection:
        assert current_revision(connection) == head_revision()
    store.close()


def test_a_database_from_a_newer_program_is_refused_in_words(database_url: str) -> None:
    open_store(database_url).close()
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE alembic_version SET version_num = :v"), {"v": "9999_future"})
    engine.dispose()
    with raises_saying(StoreError, match="更新版本"):
        open_store(database_url)


def test_clerks_opening_a_new_version_at_the_same_time_migrate_once(database_url: str) -> None:
    first_revision_database(database_url)
    probe = "import sys; from desktop.store import open_store; print(open_store(sys.argv[1]).counts())"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", probe, database_url], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    for run in runs:
        out, err = run.communicate(timeout=60)
        assert run.returncode == 0, err.decode()
        assert out.decode().strip() == "(2, 3)"


def test_every_table_keyed_by_a_generated_integer_never_hands_an_id_out_again(tmp_path: object) -> None:
    """SQLite gave the largest id again once its row was deleted (issue 22, point 6). Every table of the newest
    schema whose key is an integer the database makes (not a parent's key) must be AUTOINCREMENT: a table
    added by a later migration without `sqlite_autoincrement=True` fails here."""
    from pathlib import Path

    url = f"sqlite:///{Path(str(tmp_path)) / 'ids.db'}"
    store = open_store(url)
    engine = store.engine
    inspector = sa.inspect(engine)
    generated = []
    for table in inspector.get_table_names():
        keys = inspector.get_pk_constraint(table)["constrained_columns"]
        parents = {c for fk in inspector.get_foreign_keys(table) for c in fk["constrained_columns"]}
        types = {c["name"]: c["type"] for c in inspector.get_columns(table)}
        integer = len(keys) == 1 and isinstance(types[keys[0]], sa.Integer)  # not a content hash, say
        if table != "alembic_version" and integer and keys[0] not in parents:
            generated.append(table)
    with engine.connect() as connection:
        created = dict(connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all())
    assert set(generated) >= {"enterprise", "assessment", "scenario", "workspace", "workspace_member"}
    assert [t for t in generated if "AUTOINCREMENT" not in created[t]] == []
    assert all(Base.metadata.tables[t].dialect_options["sqlite"]["autoincrement"] for t in generated)
    store.close()


def test_an_older_database_keeps_its_rows_and_ids_are_not_reused_after_the_upgrade(tmp_path: object) -> None:
    from pathlib import Path

    from desktop.engine import Enterprise

    url = f"sqlite:///{Path(str(tmp_path)) / 'old.db'}"
    first_revision_database(url)
    engine = sa.create_engine(url)
    upgrade(engine, "0003")
    engine.dispose()
    store = open_store(url)
    assert store.counts() == (2, 3)
    assert store.get(10).snapshot == SNAPSHOT and store.get(12).enterprise.name == OLD_ENTERPRISES[1]["name"]
    store.delete_enterprise(2)  # the largest enterprise id, and with it assessment 12, the largest
    again = store.create_enterprise(Enterprise("新企业"))
    pack = store.registry.get("zhongshan-2025")
    assert again == 3 and store.new_assessment(again, pack) == 13
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    store.close()
