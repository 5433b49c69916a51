"""Opening the database when something is wrong: damaged, not a database, locked, read-only, unreachable.

The program must start and say what happened; a bad file is moved aside, never deleted.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.engine import Enterprise
from desktop.paths import DATABASE_URL_ENV
from desktop.store import StoreError, StoreLockedError, StoreReadOnlyError, open_store
from desktop.wording.problems import word
from tests.conftest import REPO, raises_saying, words_of
from tests.store.damage import damaged_database


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def aside_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm")))


def test_the_default_database_is_created_in_the_data_folder(isolated_data_dir: Path) -> None:
    store = open_store()
    store.create_enterprise(Enterprise("甲"))
    store.close()
    assert (isolated_data_dir / "assessments.db").is_file()


@pytest.mark.parametrize("name", ["data?mode=ro", "data%20pct", "data#part", "a@b:c", "100%"])
def test_the_database_stays_in_the_data_folder_whatever_the_folder_is_called(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`ZS_TRADE_DATA_DIR=/x/data?mode=ro` made the database the file `/x/data`, and `/x/data%20pct` put
    it into `/x/data pct/` while the settings stayed in `data%20pct/` (issue 22, point 9)."""
    from desktop.paths import DATA_DIR_ENV
    from desktop.settings import LANGUAGE, settings
    from desktop.ui.single_instance import local_database

    folder = tmp_path / "x" / name
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    store = open_store()
    store.create_enterprise(Enterprise("甲"))
    store.close()
    settings().set(LANGUAGE.to("en"))
    assert local_database(None) == (folder / "assessments.db").resolve()  # the lock guards the same file
    made = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert made == [f"x/{name}/assessments.db", f"x/{name}/settings.json"]
    assert open_store().counts() == (1, 0)  # found again at the next start


def test_the_environment_variable_chooses_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, url(tmp_path / "shared.db"))
    open_store().close()
    assert (tmp_path / "shared.db").is_file()


@pytest.mark.parametrize("name", ["assessments.db", "季度报表.docx"])
def test_a_file_that_is_not_a_database_is_refused_and_left_as_it_is(tmp_path: Path, name: str) -> None:
    """`--database` (or the environment) pointing at a document once renamed the document and put a new
    database under its name. Such a file is now refused in words and nothing is created or renamed."""
    path = tmp_path / name
    path.write_bytes("这不是数据库，是一份误存的文档。".encode() * 100)
    original = path.read_bytes()
    with raises_saying(StoreError, match="不是本程序的数据库") as refused:
        open_store(url(path))
    assert str(path) in words_of(refused.value) and "没有改动它" in words_of(refused.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert path.read_bytes() == original


def test_a_folder_in_place_of_the_database_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "assessments.db").mkdir()
    with raises_saying(StoreError, match="不是文件"):
        open_store(url(tmp_path / "assessments.db"))


def test_an_empty_file_is_an_empty_database(tmp_path: Path) -> None:
    (tmp_path / "assessments.db").write_bytes(b"")
    store = open_store(url(tmp_path / "assessments.db"))
    assert store.counts() == (0, 0) and store.notices == []
    store.close()


def test_a_damaged_database_is_moved_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    path = tmp_path / "assessments.db"
    store = open_store(url(path))
    for n in range(60):
        store.create_enterprise(Enterprise(f"企业{n}" * 100))
    store.close()
    data = bytearray(path.read_bytes())
    assert data.startswith(b"SQLite format 3\x00")
    data[4096 * 2 : 4096 * 6] = b"\xa5" * (4096 * 4)  # pages in the middle overwritten, header intact
    path.write_bytes(bytes(data))
    reopened = open_store(url(path))
    assert len(aside_files(tmp_path)) == 1
    assert "损坏" in word(reopened.notices[0]) or "malformed" in word(reopened.notices[0])
    assert reopened.counts() == (0, 0)
    reopened.close()


LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA locking_mode = EXCLUSIVE")
connection.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(60)
"""


def test_a_database_locked_by_another_process_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "assessments.db"
    open_store(url(path)).close()
    with subprocess.Popen([sys.executable, "-c", LOCKER, str(path)], stdout=subprocess.PIPE, text=True) as locker:
        try:
            assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
            with raises_saying(StoreLockedError, match="另一个程序占用"):
                open_store(url(path), busy_timeout=0.2)
        finally:
            locker.kill()
    assert aside_files(tmp_path) == []  # a locked database is not a damaged one
    open_store(url(path)).close()


READ_ONLY_PROBE = """
import sys
from desktop.store import StoreError, open_store
from desktop.wording.problems import worded
try:
    open_store(sys.argv[1])
except StoreError as exc:
    print(type(exc).__name__)
    print(worded(exc))
else:
    print("opened")
"""


def open_without_override(database_url: str) -> list[str]:
    """Run `open_store` in a process that folder permissions apply to: root ignores them unless it gives up
    the capability to (setpriv), which is how CI runs."""
    command = [sys.executable, "-c", READ_ONLY_PROBE, database_url]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot be made to apply")
        command = [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", *command]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "只读文件夹"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)  # so that pytest can clean up


def test_a_read_only_folder_gets_a_clear_message(read_only_folder: Path) -> None:
    kind, message, *_ = open_without_override(url(read_only_folder / "assessments.db"))
    assert kind == StoreReadOnlyError.__name__
    assert str(read_only_folder) in message and "不能写入" in message


def test_a_missing_folder_that_cannot_be_created_gets_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x", encoding="utf-8")
    with raises_saying(StoreReadOnlyError, match="无法建立数据文件夹"):
        open_store(url(blocker / "sub" / "assessments.db"))


def test_an_unreachable_server_gets_a_clear_message_without_the_password() -> None:
    with raises_saying(StoreError, match="无法连接数据库服务器") as raised:
        open_store("postgresql+psycopg://zs:secret-pw@127.0.0.1:9/zs", busy_timeout=1)
    assert "secret-pw" not in str(raised.value)


def test_a_malformed_url_gets_a_clear_message() -> None:
    with raises_saying(StoreError, match="数据库地址无效"):
        open_store("this is not a url")


# -- "cannot read it now" is not "damaged" (issue 14) -------------------------------------------------------------


def _failing_connect(code: int, message: str) -> object:
    def connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        error = sqlite3.OperationalError(message)
        error.sqlite_errorcode = code  # type: ignore[attr-defined]  # what sqlite3 sets on errors it raises
        raise error

    return connect


@pytest.mark.parametrize(
    ("code", "message", "said"),
    [
        (13, "database or disk is full", "磁盘空间已满"),
        (4874, "disk I/O error", "读写数据库"),
        (14, "unable to open database file", "无法写入数据库"),
    ],
)
def test_a_healthy_database_that_cannot_be_read_now_is_never_set_aside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, message: str, said: str
) -> None:
    """On a full disk the start-up check once failed, the healthy file was renamed …damaged-<time>, an empty
    database was created, and after space was freed the start page was empty."""
    import desktop.store.database as database

    path = tmp_path / "assessments.db"
    store = open_store(url(path))
    store.create_enterprise(Enterprise("已保存的企业"))
    store.close()
    original = path.read_bytes()
    monkeypatch.setattr(database, "_on_connect", _failing_connect(code, message))
    with raises_saying(StoreError, match=said) as refused:
        open_store(url(path))
    assert "没有任何改动" in words_of(refused.value) or "权限" in words_of(refused.value)
    assert aside_files(tmp_path) == [] and path.read_bytes() == original
    monkeypatch.undo()  # space freed: everything is there
    reopened = open_store(url(path))
    assert reopened.counts() == (1, 0) and reopened.notices == []
    reopened.close()


def _mounted_tmpfs(folder: Path) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True)
    return done.returncode == 0


def test_a_full_disk_at_start_up_leaves_the_database_as_it_is(tmp_path: Path) -> None:
    """The reproduction itself: a 2 MB file system holding a good database, filled to the last byte."""
    small = tmp_path / "small"
    if not _mounted_tmpfs(small):
        pytest.skip("needs root and mount to make a small file system")
    try:
        path = small / "assessments.db"
        store = open_store(url(path))
        for n in range(50):
            store.create_enterprise(Enterprise(f"企业{n}" * 10))
        store.close()
        original = path.read_bytes()
        handle = os.open(small / "filler", os.O_WRONLY | os.O_CREAT)
        with contextlib.suppress(OSError):
            while True:
                os.write(handle, b"x" * 4096)
        os.close(handle)
        with raises_saying(StoreError, match="磁盘空间已满"):
            open_store(url(path))
        assert aside_files(small) == [] and path.read_bytes() == original
        (small / "filler").unlink()
        reopened = open_store(url(path))
        assert reopened.counts() == (50, 0)
        reopened.close()
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_the_set_aside_notice_survives_a_later_error_and_stays_until_acknowledged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.store.database as database

    path = tmp_path / "assessments.db"
    kept = damaged_database(path)

    def no_space(_engine: object, revision: str = "head") -> None:
        raise StoreError("磁盘空间已满，无法建立新的数据库。")

    monkeypatch.setattr(database, "upgrade", no_space)
    with pytest.raises(StoreError) as failed:
        open_store(url(path))
    [moved] = aside_files(tmp_path)
    assert moved.read_bytes() == kept
    assert f"已改名为 {moved.name}" in words_of(failed.value) and "磁盘空间已满" in words_of(failed.value)
    monkeypatch.undo()

    for _ in range(2):  # every start says it again, the program having ended without the user reading it
        store = open_store(url(path))
        assert len(store.notices) == 1 and moved.name in word(store.notices[0])
        store.close()
    store.acknowledge_notices()
    read = open_store(url(path))
    assert read.notices == []
    read.close()
