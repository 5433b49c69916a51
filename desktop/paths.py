"""Where the program keeps the user's data: the user data folder, a portable folder, or what the environment says.

Order: `ZS_TRADE_DATA_DIR` (tests, smoke tests) → portable mode (a file named `portable` beside the
executable, for a USB stick handed out at a training) → the platform's user data folder
(`%LOCALAPPDATA%\\zs-trade-support` on Windows, `~/.local/share/zs-trade-support` on Linux).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

from desktop import APP_NAME

DATA_DIR_ENV = "ZS_TRADE_DATA_DIR"
DATABASE_URL_ENV = "ZS_TRADE_DATABASE_URL"
PORTABLE_MARKER = "portable"


def program_dir() -> Path:
    """The folder of the executable when frozen; the checkout's top folder when run from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable() -> bool:
    return (program_dir() / PORTABLE_MARKER).exists()


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    if is_portable():
        return program_dir() / "data"
    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def database_file() -> Path:
    """The SQLite file in the data folder."""
    return data_dir() / "assessments.db"


def database_target(explicit: str | None = None) -> str | Path:
    """The database to open: the SQLAlchemy URL given on the command line, else in the environment, else
    the SQLite file in the data folder as a path. The path is never made into a URL text and parsed back:
    a data folder named `data?mode=ro` or `data%20pct` would move the database (`?` starts a query, `%20`
    reads as a space) while the settings stayed in the folder itself."""
    if explicit:
        return explicit
    from_env = os.environ.get(DATABASE_URL_ENV)
    if from_env:
        return from_env
    return database_file()


def database_url(explicit: str | None = None) -> str:
    """The database as the user reads it in a message: the URL given, or `sqlite:///<the file>`."""
    target = database_target(explicit)
    return target if isinstance(target, str) else f"sqlite:///{target}"


def user_packs_dir() -> Path:
    """Policy packs the user added; they sit beside the bundled ones."""
    return data_dir() / "policies"


def user_guides_dir() -> Path:
    """Application guides the user added (windows, channels, contacts of a round)."""
    return data_dir() / "guides"


def settings_file() -> Path:
    return data_dir() / "settings.json"
