"""Opening the database: where it is, SQLite settings, damaged or locked files, migrations.

SQLite runs in WAL mode with `synchronous=FULL`: a commit that has returned survives a killed
process and a power cut, and a reader (the start page) never blocks the writer (autosave).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError

from desktop.paths import database_url
from desktop.store.errors import StoreError, StoreLockedError, StoreReadOnlyError
from desktop.store.migrate import upgrade
from desktop.store.repository import Store

SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT = 5.0


def open_store(url: str | None = None, *, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> Store:
    """The store at `url` (else the environment, else the data folder), migrated to the newest schema.

    Raises StoreError (or a subclass) with a message to show. A damaged SQLite file is not an error:
    it is renamed aside, a fresh database is started, and `store.notices` says what happened.
    """
    raw = database_url(url)
    try:
        parsed = make_url(raw)
    except ArgumentError:
        raise StoreError(f"数据库地址无效：{raw}") from None
    notices: list[str] = []
    path = _sqlite_path(parsed)
    if path is not None:
        _check_folder(path)
        if _not_sqlite(path):
            notices.append(_move_aside(path, "文件不是本程序的数据库"))
    engine = _engine(parsed, busy_timeout)
    try:
        problem = _damage(engine) if path is not None and path.exists() else None
        if problem is not None and path is not None:
            engine.dispose()
            notices.append(_move_aside(path, problem))
            engine = _engine(parsed, busy_timeout)
        upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        raise _explain(exc, parsed, path) from None
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"无法打开数据库 {_shown(parsed)}：{_reason(exc)}") from None
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, notices=notices)


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser().resolve()


def _check_folder(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreReadOnlyError(
            f"无法建立数据文件夹 {folder}：{exc.strerror or exc}。请检查权限，或用 --database 指定另一个位置。"
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreReadOnlyError(
            f"数据文件夹 {folder} 不能写入（只读或没有权限），评估无法保存。"
            "请把程序放到可以写入的文件夹（例如“文档”），或用 --database 指定另一个位置。"
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreReadOnlyError(f"数据库文件 {path} 是只读的，评估无法保存。请去掉该文件的“只读”属性后再打开。")


def _not_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"无法读取数据库文件 {path}：{exc.strerror or exc}") from None
    return len(head) > 0 and head != SQLITE_MAGIC


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _engine(url: URL, busy_timeout: float) -> Engine:
    """The engine for `url`; a database kind or driver this program does not have is said in words."""
    try:
        return _create(url, busy_timeout)
    except NoSuchModuleError:
        raise StoreError(
            f"不支持的数据库类型：{url.drivername}（可用：sqlite:///文件路径 或 postgresql+psycopg://…）"
        ) from None
    except ImportError as exc:
        # psycopg without a libpq on this machine (Linux builds use the system's: apt install libpq5).
        raise StoreError(f"缺少连接 {url.get_backend_name()} 数据库所需的组件：{exc}") from None


def _create(url: URL, busy_timeout: float) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": busy_timeout})
        event.listen(engine, "connect", _on_connect)
        return engine
    connect_args: dict[str, Any] = {}
    if url.get_backend_name() == "postgresql":
        connect_args["connect_timeout"] = max(1, int(busy_timeout))
    return create_engine(url, pool_pre_ping=True, connect_args=connect_args)


def _damage(engine: Engine) -> str | None:
    """Why an SQLite file cannot be used, or None. `quick_check` reads every page once."""
    try:
        with engine.connect() as connection:
            rows = [r[0] for r in connection.execute(text("PRAGMA quick_check"))]
    except OperationalError as exc:
        if "locked" in str(exc.orig).lower():
            raise
        return _reason(exc)
    except DBAPIError as exc:
        return _reason(exc)
    return None if rows == ["ok"] else "数据库文件已损坏（" + "；".join(str(r) for r in rows[:3]) + "）"


def _move_aside(path: Path, why: str) -> str:
    """Rename the bad file (and its -wal/-shm companions) with a timestamp; never delete it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    try:
        path.rename(target)
        for suffix in ("-wal", "-shm"):
            companion = path.with_name(path.name + suffix)
            if companion.exists():
                companion.rename(target.with_name(target.name + suffix))
    except OSError as exc:
        raise StoreError(
            f"数据库文件 {path} 无法使用（{why}），也无法改名移开：{exc.strerror or exc}。"
            "请关闭可能正在使用它的程序后重试。"
        ) from None
    return (
        f"数据库文件无法使用（{why}）。原文件已改名为 {target.name}，保留在 {target.parent} 中，"
        "未删除；程序已新建一个空的数据库。如需找回其中的数据，请把该文件交给技术支持。"
    )


def _reason(exc: DBAPIError) -> str:
    return str(exc.orig).strip() or type(exc.orig).__name__


def _shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _explain(exc: OperationalError, url: URL, path: Path | None) -> StoreError:
    reason = _reason(exc)
    lowered = reason.lower()
    if "locked" in lowered or "busy" in lowered:
        return StoreLockedError(
            f"数据库 {path or _shown(url)} 正被另一个程序占用（可能是本程序的另一个窗口，或备份、同步软件）。"
            "请关闭那个程序后再打开。"
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
        return StoreReadOnlyError(f"无法写入数据库 {path or _shown(url)}：{reason}。请检查文件夹和文件的写入权限。")
    if path is None:
        return StoreError(
            f"无法连接数据库服务器 {_shown(url)}：{reason}。请检查地址、用户名和密码，以及服务器是否已启动。"
        )
    return StoreError(f"无法打开数据库 {path}：{reason}")
