"""Entry point of both executables: `zs-trade` (windowed) and `zs-trade-cli` (console).

Both start `desktop.cli:main`: no command opens the window; `assess`, `batch`, `pack check` run on the
command line. Two guards make the same script fit both:
- a windowed Windows program has no console, so `sys.stdout`/`sys.stderr` are None and anything
  printed (argparse's `--help`, a stray warning) would raise: point them at the null device;
- a console that cannot show a character (a GBK console and a rare character in a company name)
  must not end the program with a traceback: replace what it cannot show.
One option exists only here, in the built program: `--self-check` (see self_check below).
"""

import multiprocessing
import os
import sys


def self_check() -> int:
    """`zs-trade-cli --self-check`: where this copy keeps its data, and whether its database opens.

    For support questions ("where are my assessments?") and for the smoke test: opening the store
    creates or migrates the database, which runs Alembic's migration scripts from the bundle.
    """
    from desktop import paths
    from desktop.resources import resources_root

    print(f"程序文件夹: {paths.program_dir()}")
    print(f"程序资源: {resources_root()}")
    print(f"便携模式: {'是' if paths.is_portable() else '否'}")
    print(f"数据文件夹: {paths.data_dir()}")
    from desktop.store.database import open_store
    from desktop.store.errors import StoreError

    try:
        store = open_store()
    except StoreError as exc:
        print(f"数据库: 无法打开：{exc}")
        return 1
    store.close()
    print(f"数据库: 可以使用（{paths.database_url()}）")
    return 0


if __name__ == "__main__":
    # First, before anything else: a process-pool worker started by `batch` re-runs this executable.
    multiprocessing.freeze_support()
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            # Left open: it lives as long as the process.
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115, PTH123
        elif hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")

    if sys.argv[1:] == ["--self-check"]:
        sys.exit(self_check())

    from desktop.cli import main

    sys.exit(main())
