"""Entry point of both executables: `zs-trade` (windowed) and `zs-trade-cli` (console).

Both start `desktop.cli:main`: no command opens the window; `assess`, `batch`, `pack check` run on the
command line. Two guards make the same script fit both:
- a windowed Windows program has no console, so `sys.stdout`/`sys.stderr` are None and anything
  printed (argparse's `--help`, a stray warning) would raise: point them at the null device;
- a console that cannot show a character (a GBK console and a rare character in a company name)
  must not end the program with a traceback: replace what it cannot show.
One option exists only here, in the built program: `--paths` prints where this copy keeps its data.
"""

import multiprocessing
import os
import sys


def print_paths() -> int:
    """`zs-trade-cli --paths`: where this copy keeps its data (support questions; portable-mode check)."""
    from desktop import paths
    from desktop.resources import resources_root

    print(f"程序文件夹: {paths.program_dir()}")
    print(f"便携模式: {'是' if paths.is_portable() else '否'}")
    print(f"数据文件夹: {paths.data_dir()}")
    print(f"数据库: {paths.database_url()}")
    print(f"程序资源: {resources_root()}")
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

    if sys.argv[1:] == ["--paths"]:
        sys.exit(print_paths())

    from desktop.cli import main

    sys.exit(main())
