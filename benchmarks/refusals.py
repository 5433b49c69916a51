"""Time and peak memory of refusing hostile inputs (issues 14 and 22: under 300 MB, within 2 s, whatever the input).

Each input of the issue's list is made in a temporary folder and fed to the real command in a process of
its own, under `/usr/bin/time -v` (Debian package `time`): its "Maximum resident set size" and wall clock
are printed. Python's own start (imports included) is part of every figure; the first row is a refusal
of nothing (`--version`) for comparison.

    .venv/bin/python benchmarks/refusals.py            # all inputs
    .venv/bin/python benchmarks/refusals.py xlsx pack  # rows whose name contains one of the words
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
PYTHON = sys.executable
EXAMPLE = json.loads((REPO / "resources" / "examples" / "appliance-maker.json").read_text(encoding="utf-8"))
PACK = (REPO / "resources" / "policies" / "zhongshan-2025.toml").read_text(encoding="utf-8")
GUIDE = (REPO / "resources" / "guides" / "zhongshan-2025-training.toml").read_text(encoding="utf-8")
TIME = "/usr/bin/time"

from desktop.safe_read import size_text  # noqa: E402


def answers(folder: Path, name: str, change: Callable[[dict[str, object]], object]) -> Path:
    data = json.loads(json.dumps(EXAMPLE))
    result = change(data)
    text = result if isinstance(result, str) else json.dumps(data, ensure_ascii=False)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _set(data: dict[str, object], where: str, key: str, value: object) -> None:
    section = data[where]
    assert isinstance(section, dict)
    section[key] = value


def changed(old: str, new: str) -> str:
    """The bundled pack with one change; a change that no longer applies (the pack was rewritten) stops the run."""
    if old not in PACK:
        raise SystemExit(f"benchmarks/refusals.py: {old!r} is no longer in the bundled pack; update this input")
    return PACK.replace(old, new, 1)


def guide_changed(old: str, new: str, tail: str = "") -> str:
    """The training guide as a real guide of its own id, with one change (or lines added at its end)."""
    if old not in GUIDE:
        raise SystemExit(f"benchmarks/refusals.py: {old!r} is no longer in the training guide; update this input")
    text = GUIDE.replace('id = "zhongshan-2025-training"', 'id = "hostile"', 1).replace(old, new, 1)
    return text + tail


def contacts(count: int) -> str:
    return "".join(
        f'\n[[contacts]]\nid = "c{n}"\noffice = "某局"\nseen = "2026 通知"\nsource = "网页"\n' for n in range(count)
    )


def pack_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def xlsx_bomb(folder: Path, unpacked_mb: int) -> Path:
    """The program's template with its main sheet padded to `unpacked_mb` MB of XML (compresses ~300:1)."""
    from desktop.policy import bundled_registry
    from desktop.workspace.spreadsheet import write_template

    template = folder / "template.xlsx"
    write_template(bundled_registry().get("zhongshan-2025"), template)
    bomb = folder / f"bomb-{unpacked_mb}mb.xlsx"
    padding = b"<!--" + b" " * (unpacked_mb * 1024 * 1024) + b"-->"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</worksheet>", padding + b"</worksheet>", 1)
            target.writestr(info.filename, data)
    return bomb


def big_xlsx(folder: Path, megabytes: int) -> Path:
    path = folder / f"big-{megabytes}mb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as target:
        target.writestr("xl/media/image1.bin", os.urandom(megabytes * 1024 * 1024))
    return path


READ_WORKBOOK = (
    "import datetime, sys; from pathlib import Path; from desktop.policy import bundled_registry; "
    "from desktop.workspace.spreadsheet import read_workbook; "
    "r = read_workbook(Path(sys.argv[1]), bundled_registry(), datetime.date(2025, 12, 1)); "
    "from desktop.wording.problems import word; "
    "print(word(r.problems[0].problems[0]) if r.problems else f'{len(r.rows)} rows')"
)
INSTALL_GUIDE = (  # what 工具 → 政策包 → 添加申报指南… does with the file
    "import sys; from pathlib import Path; from desktop.policy.guide_registry import install_guide; "
    "from desktop.policy.guides import GuideError; from desktop.wording.problems import word\n"
    "try:\n    print(install_guide(Path(sys.argv[1])).id)\nexcept GuideError as exc:\n"
    "    print(word(exc.problems[0])); sys.exit(2)"
)
OPEN_STORE = (
    "import sys; from desktop.store import StoreError, open_store; from desktop.wording.problems import worded\n"
    "try:\n    open_store(sys.argv[1])\nexcept StoreError as exc:\n    print(worded(exc))"
)


def cases(folder: Path) -> list[tuple[str, list[str], dict[str, str]]]:
    """(what, command, extra environment)."""
    cli = [PYTHON, "-m", "desktop"]
    bad_packs = folder / "bad-data" / "policies"
    bad_packs.mkdir(parents=True)
    os.mkfifo(bad_packs / "pipe.toml")
    (bad_packs / "zero.toml").symlink_to("/dev/zero")
    pack_file(bad_packs, "digits.toml", changed("article = 6", "article = " + "6" * 5_000))
    pack_file(bad_packs, "deep.toml", "x = " + "[" * 100_000 + "]" * 100_000)
    bad_guides = folder / "bad-guides" / "guides"
    bad_guides.mkdir(parents=True)
    os.mkfifo(bad_guides / "pipe.toml")
    (bad_guides / "zero.toml").symlink_to("/dev/zero")
    round_line = 'round = "演示用的申报轮次（虚构的申报窗口，不是真实通知）"'
    guides = {
        "guide: nested 900 deep": guide_changed("", "", "\n[extra]\nx = " + "[" * 900 + "]" * 900 + "\n"),
        "guide: nested 100,000 deep": guide_changed("", "", "\n[extra]\nx = " + "[" * 100_000 + "]" * 100_000),
        "guide: a 5,000-digit integer": guide_changed("", "", "\n[extra]\nx = " + "7" * 5_000 + "\n"),
        "guide: a round of 600,000 characters": guide_changed(round_line, 'round = "' + "轮" * 600_000 + '"'),
        "guide: 20,000 contacts": guide_changed("", "", contacts(20_000)),
        "guide: NUL, ESC, CR, LF and a direction override in texts": guide_changed(
            round_line, 'round = "轮\\u0000\\u001b[31m\\r\\n\\u202e次"'
        ),
        "guide: a window from 0001-01-01 to 9999-12-31": guide_changed(
            "window = { opens = 2026-11-16, closes = 2026-12-11 }",
            "window = { opens = 0001-01-01, closes = 9999-12-31 }",
        ),
        "guide: 600 contacts (under the size limit)": guide_changed("", "", contacts(600)),
        "guide: a note of 170,000 characters (510 KB)": guide_changed(round_line, 'note_x = "' + "说" * 170_000 + '"'),
        "guide: 2 MB (a note of 700,000 characters)": guide_changed(round_line, 'note_x = "' + "说" * 700_000 + '"'),
    }
    for number, text in enumerate(guides.values()):
        pack_file(bad_guides, f"bad-{number}.toml", text)
    fifo = folder / "fifo.json"
    os.mkfifo(fifo)
    rows = [{"kind": "patent", "cost": "1.00", "region": "美国"}]
    bomb = xlsx_bomb(folder, 458)
    listed = [
        ("nothing (python -m desktop --version)", [*cli, "--version"]),
        (
            "answers: contact of 50 MB",
            [
                *cli,
                "assess",
                str(answers(folder, "contact.json", lambda d: _set(d, "enterprise", "contact", "陈" * 17_500_000))),
            ],
        ),
        (
            "answers: 900,000 table rows (48 MB)",
            [
                *cli,
                "assess",
                str(answers(folder, "rows.json", lambda d: _set(d, "answers", "ip_cases", rows * 900_000))),
            ],
        ),
        (
            "answers: 10,000 bad table rows",
            [
                *cli,
                "assess",
                str(
                    answers(folder, "bad-rows.json", lambda d: _set(d, "answers", "ip_cases", [{"cost": "x"}] * 10_000))
                ),
            ],
        ),
        (
            "answers: a value of 1 MB",
            [
                *cli,
                "assess",
                str(answers(folder, "value.json", lambda d: _set(d, "answers", "export_class", "x" * 1_000_000))),
            ],
        ),
        (
            "answers: JSON nested 100,000 deep",
            [
                *cli,
                "assess",
                str(answers(folder, "deep.json", lambda d: '{"answers": ' + "[" * 100_000 + "]" * 100_000 + "}")),
            ],
        ),
        (
            "answers: a 5,000-digit number",
            [
                *cli,
                "assess",
                str(answers(folder, "digits.json", lambda d: json.dumps(d).replace('"2100000.00"', "9" * 5_000))),
            ],
        ),
        ("answers: a FIFO named .json", [*cli, "assess", str(fifo)]),
        (
            "pack: disclaimer of 5 MB",
            [
                *cli,
                "pack",
                "check",
                str(pack_file(folder, "big.toml", changed('disclaimer = "', 'disclaimer = "' + "免责" * 850_000))),
            ],
        ),
        ("pack: nested 100,000 deep", [*cli, "pack", "check", str(bad_packs / "deep.toml")]),
        ("pack: a 5,000-digit integer", [*cli, "pack", "check", str(bad_packs / "digits.toml")]),
        (
            'pack: amount = "1e30"',
            [
                *cli,
                "pack",
                "check",
                str(pack_file(folder, "1e30.toml", changed('{ fixed = "150000" }', '{ fixed = "1e30" }'))),
            ],
        ),
        (
            "packs folder: FIFO, /dev/zero link, 5,000 digits, deep (assess a good file)",
            [*cli, "assess", str(REPO / "resources" / "examples" / "lighting-exporter.json")],
        ),
        *(
            (f"{what} (添加申报指南…)", [PYTHON, "-c", INSTALL_GUIDE, str(pack_file(folder, f"g{n}.toml", text))])
            for n, (what, text) in enumerate(guides.items())
        ),
        (
            "guides folder: the 10 above, FIFO, /dev/zero link (assess a good file)",
            [*cli, "assess", str(REPO / "resources" / "examples" / "lighting-exporter.json")],
        ),
        (f"xlsx: {size_text(bomb.stat().st_size)} unpacking to 458 MB", [PYTHON, "-c", READ_WORKBOOK, str(bomb)]),
        ("xlsx: 47 MB on disk", [PYTHON, "-c", READ_WORKBOOK, str(big_xlsx(folder, 47))]),
        (
            "database: --database pointing at a text file",
            [PYTHON, "-c", OPEN_STORE, f"sqlite:///{pack_file(folder, 'notes.txt', '会议记录' * 1000)}"],
        ),
    ]
    clean = {"ZS_TRADE_DATA_DIR": str(folder / "data")}
    bad = {"ZS_TRADE_DATA_DIR": str(folder / "bad-data")}
    bad_guides_data = {"ZS_TRADE_DATA_DIR": str(folder / "bad-guides")}
    folders = {"packs folder": bad, "guides folder": bad_guides_data}
    return [(what, command, folders.get(what.split(":")[0], clean)) for what, command in listed]


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int, int, str]:
    done = subprocess.run(
        [TIME, "-v", *command],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = done.stderr
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))  # type: ignore[union-attr]
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", report)
    assert clock is not None
    seconds = int(clock.group(1) or 0) * 3600 + int(clock.group(2)) * 60 + float(clock.group(3))
    said = (done.stdout + report.split("\tCommand being timed")[0]).strip().splitlines()
    return seconds, rss // 1024, done.returncode, (said[0] if said else "")[:90]


def main(words: list[str]) -> None:
    if not Path(TIME).exists():
        raise SystemExit("needs GNU time: apt-get install time")
    with tempfile.TemporaryDirectory() as tmp:
        rows = [c for c in cases(Path(tmp)) if not words or any(w in c[0] for w in words)]
        print(f"{'input':<76} {'s':>6} {'MB':>6} exit  first line")
        for what, command, env in rows:
            seconds, megabytes, code, said = measure(command, env)
            print(f"{what:<76} {seconds:6.2f} {megabytes:6d} {code:>4}  {said}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
