"""One copy of the program per local database: a second start brings the first window to the front.

Two copies editing one SQLite file would each save over the other (the store's version check then
refuses the second save, but a clerk should not meet that on one laptop). A clerk who double-clicks
the icon again expects the open window, so the second copy asks the first to come to the front and
ends. The first copy holds a QLockFile beside the database (on Windows and Linux alike; a lock left
by a crashed or killed copy is recognised by its process id and taken over) and listens on a
QLocalServer (a named pipe on Windows, a socket elsewhere) for that request.

A copy that holds the lock but does not answer (hung) is reported in words, and the second copy ends
without touching the database. A database on a server (PostgreSQL) is shared on purpose: no guard.

The first copy takes the lock before its window shows (a cheap file operation) and starts listening
once the window is up: QtNetwork costs some 13 ms to import, which the first paint should not wait for;
a second copy started in between keeps trying to connect for a few seconds.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.later import later
from desktop.paths import database_target
from desktop.ui import dialogs

if TYPE_CHECKING:
    from PySide6 import QtNetwork
    from PySide6.QtNetwork import QLocalServer, QLocalSocket
else:
    QtNetwork = later("PySide6.QtNetwork")  # ~13 ms: once the window is up (see above)

ACTIVATE = b"activate\n"
ANSWER = b"ok\n"
_SQLITE_FILE = re.compile(r"sqlite(?:\+\w+)?:///(?P<path>[^?]+)")


def local_database(database: str | None) -> Path | None:
    """The SQLite file the program will open (as `open_store` resolves it), or None for a server or memory.

    A URL given is parsed by hand: SQLAlchemy costs 300 ms to import, which the first window must not wait
    for. The data folder's file is a path already."""
    target = database_target(database)
    if isinstance(target, Path):
        return target.expanduser().resolve()
    match = _SQLITE_FILE.fullmatch(target.split("?", 1)[0])
    if match is None or match.group("path") in ("", ":memory:"):
        return None
    return Path(match.group("path")).expanduser().resolve()


def server_name(path: Path) -> str:
    # The login name as getpass finds it first (without importing it before the first paint).
    user = next((os.environ[k] for k in ("LOGNAME", "USER", "LNAME", "USERNAME") if os.environ.get(k)), "")
    return "zs-trade-" + hashlib.sha256(f"{user}\0{path}".encode("utf-8", "surrogatepass")).hexdigest()[:24]


class InstanceGuard(QObject):
    """Held by the copy that owns the database; `activate_requested` fires when another copy starts."""

    activate_requested = Signal()

    def __init__(self, lock: QLockFile, name: str) -> None:
        super().__init__()
        self.lock = lock
        self.name = name
        self.server: QLocalServer | None = None

    def listen(self) -> None:
        """Answer other copies from now on (called once the window is shown)."""
        if self.server is not None:
            return
        self.server = QtNetwork.QLocalServer(self)
        self.server.newConnection.connect(self._connection)
        if not self.server.listen(self.name):
            # A socket left by a copy that was killed; the lock says no live copy owns it.
            QtNetwork.QLocalServer.removeServer(self.name)
            self.server.listen(self.name)

    def _connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda socket=socket: self._request(socket))
            socket.disconnected.connect(socket.deleteLater)

    def _request(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
            self.activate_requested.emit()
            socket.write(ANSWER)
            socket.flush()
        socket.disconnectFromServer()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()


class Claim:
    """The outcome of `claim` (a plain class: `dataclasses` costs milliseconds before the first paint)."""

    def __init__(self, guard: InstanceGuard | None, message: str = "", brought_to_front: bool = False) -> None:
        self.guard = guard
        """Set when this copy may open the database and holds its lock; None when there is nothing to guard
        (a server, an unwritable folder) or another copy holds it."""
        self.message = message
        """When another copy holds it: what to tell the user."""
        self.brought_to_front = brought_to_front


def claim(database: str | None, *, answer_ms: int = 3000) -> Claim:
    """Take the database for this copy, or ask the copy that has it to come to the front."""
    path = local_database(database)
    if path is None:
        return Claim(None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Claim(None)  # the store says why it cannot open the folder
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long the first copy has run
    name = server_name(path)
    if lock.tryLock(0):
        return Claim(InstanceGuard(lock, name))
    if lock.error() != QLockFile.LockError.LockFailedError:
        return Claim(None)  # the lock file cannot be written (read-only folder): the store reports that
    _allow_foreground(lock)
    if _ask_to_come_forward(name, answer_ms):
        return Claim(
            None,
            QCoreApplication.translate("SingleInstance", "程序已经打开（使用同一个数据库），已切换到已打开的窗口。"),
            brought_to_front=True,
        )
    return Claim(
        None,
        QCoreApplication.translate(
            "SingleInstance",
            "程序已在运行，正在使用数据库 {path}，但没有响应。为免两个窗口互相覆盖保存的内容，"
            "这次没有打开。请切换到已打开的窗口，或等它关闭后再打开。",
        ).format(path=path),
    )


def _ask_to_come_forward(name: str, answer_ms: int) -> bool:
    """True when the copy holding the lock answered; tries for `answer_ms` (it may still be starting)."""
    deadline = time.monotonic() + answer_ms / 1000
    while True:
        socket: QLocalSocket = QtNetwork.QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(min(answer_ms, 500)):
            socket.write(ACTIVATE)
            socket.waitForBytesWritten(answer_ms)
            answered = socket.waitForReadyRead(answer_ms) and bytes(socket.readAll().data()).startswith(ANSWER.strip())
            socket.disconnectFromServer()
            return answered
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.1)


def _allow_foreground(lock: QLockFile) -> None:
    """Windows lets only the foreground process raise another process's window: hand that right over."""
    if sys.platform != "win32":
        return
    ok, pid, _host, _app = lock.getLockInfo()
    if ok and pid:
        import ctypes  # Windows only: its windll exists nowhere else

        ctypes.windll.user32.AllowSetForegroundWindow(int(pid))  # type: ignore[attr-defined,unused-ignore]


def report_other_copy(held: Claim) -> int:
    """The second copy's last act: say where the work is (on the terminal too), and end."""
    print(held.message, file=sys.stderr)
    if not held.brought_to_front:
        dialogs.warning(None, QCoreApplication.translate("SingleInstance", "程序已在运行"), held.message)
    return 0


def bring_to_front(window: object) -> None:
    """Show a window that may be minimised or behind others, and give it the focus."""
    if isinstance(window, QWidget):
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()
