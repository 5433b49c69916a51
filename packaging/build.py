"""Build the installable program: PyInstaller folder → archive → size budget → smoke test.

    .venv/bin/python packaging/build.py              # everything (what `make build` and CI run)
    .venv/bin/python packaging/build.py --skip-build # archive, budget and smoke test of the existing folder

Output in `packaging/dist/`:
- `zs-trade/`: the program folder (`zs-trade` windowed, `zs-trade-cli` console, `_internal/`), plus on
  Linux the desktop entry, its icon and `install-desktop-entry.sh`;
- `zs-trade-support-<version>-<platform>.tar.gz` (Linux) or `.zip` (Windows): that folder, compressed;
- `build-report.json`: build time, sizes and the smoke test's outcome, for the release note.

Fails (exit status 1) if PyInstaller fails, the folder or archive is over budget, or any smoke step fails.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
DIST = PACKAGING / "dist"
WORK = PACKAGING / "build"
SPEC = PACKAGING / "zs-trade.spec"
FOLDER_NAME = "zs-trade"
IS_WINDOWS = sys.platform == "win32"

MIB = 1024 * 1024
FOLDER_BUDGET_MIB = 130.0
ARCHIVE_BUDGET_MIB = 60.0

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(PACKAGING))

import smoke  # noqa: E402 - after the path set-up above

from desktop import APP_NAME, __version__  # noqa: E402


def platform_tag() -> str:
    """`linux-x86_64`, `windows-x64`, `macos-arm64`: which machines the archive is for."""
    machine = platform.machine().lower()
    if IS_WINDOWS:
        return "windows-x64" if machine in {"amd64", "x86_64"} else f"windows-{machine}"
    system = "macos" if sys.platform == "darwin" else sys.platform.rstrip("0123456789")
    return f"{system}-{machine}"


def archive_path() -> Path:
    suffix = ".zip" if IS_WINDOWS else ".tar.gz"
    return DIST / f"{APP_NAME}-{__version__}-{platform_tag()}{suffix}"


def folder_size(folder: Path) -> int:
    """The folder's size as `du` counts it (the disk blocks its files take), which is how the budget is
    stated; on Windows, which has no blocks to count, the files' sizes."""
    files = [path.lstat() for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    if IS_WINDOWS:
        return sum(info.st_size for info in files)
    return sum(info.st_blocks * 512 for info in files)


def run_pyinstaller() -> None:
    missing = [tool for tool in ("strip", "readelf") if not IS_WINDOWS and shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"build: {', '.join(missing)} missing; install binutils (Debian: apt-get install binutils)")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    print("build: " + " ".join(command), flush=True)
    if subprocess.run(command, cwd=ROOT, check=False).returncode != 0:
        raise SystemExit("build: PyInstaller failed (see its messages above)")


def add_linux_desktop_files(folder: Path) -> None:
    """The desktop entry, its icon and the script that registers them for the current user."""
    linux = PACKAGING / "linux"
    shutil.copy2(linux / "zs-trade.desktop", folder / "zs-trade.desktop")
    shutil.copy2(linux / "install-desktop-entry.sh", folder / "install-desktop-entry.sh")
    shutil.copy2(ROOT / "resources" / "icons" / "zs-trade.png", folder / "zs-trade.png")
    (folder / "install-desktop-entry.sh").chmod(0o755)


def write_archive(folder: Path, target: Path) -> None:
    """The folder, under its own name, so that unpacking gives one `zs-trade/` folder."""
    target.unlink(missing_ok=True)
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    if IS_WINDOWS:
        with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
            for path in files:
                zipped.write(path, (Path(folder.name) / path.relative_to(folder)).as_posix())
        return

    def anonymous(info: tarfile.TarInfo) -> tarfile.TarInfo:
        # The builder's user and group mean nothing on the user's machine.
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=9) as tarred:
        tarred.add(folder, arcname=folder.name, filter=anonymous)


def compile_translations() -> None:
    """The window's English catalogue (`resources/translations/*.qm`) is a build product: compile it from
    the `.ts` before PyInstaller copies `resources/`, or the built program would only speak Chinese."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--compile"], check=True)
    missing = [
        ts.name for ts in (ROOT / "resources" / "translations").glob("*.ts") if not ts.with_suffix(".qm").is_file()
    ]
    if missing:
        raise SystemExit(f"build: translations not compiled: {', '.join(missing)}")


def main() -> int:
    parser = argparse.ArgumentParser(description="Build, archive and smoke-test the program.")
    parser.add_argument("--skip-build", action="store_true", help="use the folder already in packaging/dist")
    parser.add_argument("--skip-smoke", action="store_true", help="build and archive only")
    args = parser.parse_args()
    folder = DIST / FOLDER_NAME
    report: dict[str, object] = {"version": __version__, "platform": platform_tag()}
    problems: list[str] = []

    if not args.skip_build:
        started = time.perf_counter()
        compile_translations()
        run_pyinstaller()
        report["build_seconds"] = round(time.perf_counter() - started, 1)
        if not IS_WINDOWS:
            add_linux_desktop_files(folder)
    if not (folder / f"zs-trade-cli{smoke.EXE_SUFFIX}").is_file():
        print(f"build: no program in {folder}", file=sys.stderr)
        return 1
    if not (folder / "_internal" / "resources" / "translations" / "desktop_en.qm").is_file():
        problems.append("the English catalogue (resources/translations/desktop_en.qm) is not in the program")

    started = time.perf_counter()
    archive = archive_path()
    write_archive(folder, archive)
    report["archive_seconds"] = round(time.perf_counter() - started, 1)
    report["archive"] = archive.name
    folder_mib = folder_size(folder) / MIB
    archive_mib = archive.stat().st_size / MIB
    report["folder_mib"] = round(folder_mib, 1)
    report["archive_mib"] = round(archive_mib, 1)
    print(f"size: folder {folder_mib:.1f} MiB (budget {FOLDER_BUDGET_MIB:.0f}), ", end="")
    print(f"{archive.name} {archive_mib:.1f} MiB (budget {ARCHIVE_BUDGET_MIB:.0f})")
    if folder_mib > FOLDER_BUDGET_MIB:
        problems.append(f"folder is {folder_mib:.1f} MiB, over the {FOLDER_BUDGET_MIB:.0f} MiB budget")
    if archive_mib > ARCHIVE_BUDGET_MIB:
        problems.append(f"archive is {archive_mib:.1f} MiB, over the {ARCHIVE_BUDGET_MIB:.0f} MiB budget")

    if not args.skip_smoke:
        started = time.perf_counter()
        failures = smoke.smoke_test(folder)
        report["smoke_seconds"] = round(time.perf_counter() - started, 1)
        report["smoke_failures"] = failures
        if failures:
            problems.append(f"{failures} smoke-test step(s) failed")

    report["problems"] = problems
    (DIST / "build-report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print("build report: " + json.dumps(report, ensure_ascii=False))
    for problem in problems:
        print(f"build: FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
