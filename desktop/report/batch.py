"""`python -m desktop batch INPUT... --out DIR`: many answers files in, one checklist per enterprise out.

Work is spread over processes (both cores of the association's laptop). The worker is a top-level
function taking and returning plain picklable values, so it also runs under Windows' spawn start
method and in the frozen program. Workers return the PDF bytes; the parent alone names and writes
files, so names stay unique and follow the order of the inputs whatever order the workers finish in.

One bad file never stops the rest: each is read, assessed and drawn on its own, and whatever goes
wrong with it becomes a line in the summary. Packs are those `assess` and the window use
(`known_registry`), read once by the parent and handed to the workers. Nothing already in the output
folder is overwritten unless `--overwrite` is given: a folder that is not empty gets the run in a new
dated sub-folder. Files are written beside their name and renamed into place, so a link planted in the
folder is replaced, never followed.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing.connection
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO, cast

from desktop.engine import AnswersError, assess_file, read_answers_file
from desktop.engine.opportunities import find_opportunities
from desktop.filenames import UniqueNames, checklist_stem
from desktop.policy.guide_registry import GuideRegistry, known_guides, skipped
from desktop.policy.loader import PackError
from desktop.policy.model import Lang, Pack
from desktop.policy.registry import PackRegistry, known_registry, load_pack_file
from desktop.problems import Problem
from desktop.quoting import terminal_safe
from desktop.report.batch_summary import SummaryRow, done_line, summary_bytes, write_summary_csv
from desktop.report.checklist import ChecklistError, checklist_bytes, render_guarded
from desktop.report.fonts import prepare
from desktop.report.labels import label
from desktop.report.output_folder import OutputFolder, OutputFolderError
from desktop.wording.problems import word, words

EXIT_OK = 0
EXIT_SOME_BAD = 1
EXIT_NOTHING = 2


@dataclass(frozen=True)
class Job:
    path: str
    lang: str
    today: dt.date


@dataclass(frozen=True)
class Done:
    row: SummaryRow | None
    pdf: bytes
    problems: tuple[str, ...]


def find_answers_files(inputs: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The answers files named, and the `*.json` files inside folders named (sorted, recursively)."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for given in inputs:
        if given.is_dir():
            found = sorted(p for p in given.rglob("*") if p.suffix.lower() == ".json" and p.is_file())
            if not found:
                problems.append(Problem("batch.empty_folder", where=(str(given),)))
        elif given.is_file():
            found = [given]
        else:
            problems.append(Problem("batch.not_found", where=(str(given),)))
            continue
        for path in found:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                files.append(path)
    return files, problems


_registry: PackRegistry | None = None
"""The packs of this run: set by the parent before the workers start (and passed to spawned ones)."""

_pack: Pack | None = None
"""`--pack FILE`: the pack every answers file of this run is assessed with, whatever its `policy` says."""


_guide_registry: GuideRegistry | None = None


def _guides(packs: PackRegistry) -> GuideRegistry:
    """The application guides, read once per worker process: each checklist says its windows and contacts."""
    global _guide_registry
    if _guide_registry is None:
        _guide_registry = known_guides(packs)
    return _guide_registry


def use_registry(registry: PackRegistry | None, pack: Pack | None = None) -> None:
    """The packs `process` assesses with (the pool's initializer; None: read them afresh), and the one pack
    every file is assessed with when the run names a pack file."""
    global _registry, _pack
    _registry = registry
    _pack = pack


PARENT_POLL_SECONDS = 0.5


def end_with_parent() -> None:
    """A worker's watch: when the batch (or the window) that started it ends, it ends too.

    Killed with -9, the batch cannot tell its workers; they waited for work on a queue that other workers
    still held open, for minutes (113 MB each). On Windows a worker waits on its parent's process handle;
    elsewhere it sees its parent change (reparented when the batch died)."""
    parent = multiprocessing.parent_process()
    original = os.getppid()

    def watch() -> None:
        if os.name == "nt" and parent is not None:
            multiprocessing.connection.wait([parent.sentinel])
        else:
            while os.getppid() == original:
                time.sleep(PARENT_POLL_SECONDS)
        os._exit(EXIT_NOTHING)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def start_worker(registry: PackRegistry | None, pack: Pack | None = None) -> None:
    """The pool's initializer: the packs of the run (and the one pack a run names), and the watch on the
    parent."""
    use_registry(registry, pack)
    end_with_parent()


def process(job: Job) -> Done:
    """Read, assess and render one answers file. Runs in a worker process; never raises."""
    path = Path(job.path)
    try:
        return _process(job, path)
    except Exception as exc:  # a bug must not stop the other 999 enterprises, nor lose the summary
        return Done(
            None,
            b"",
            (word(Problem("batch.internal", kind=type(exc).__name__, where=(path.name,)), cast(Lang, job.lang)),),
        )


def _process(job: Job, path: Path) -> Done:
    registry = _registry if _registry is not None else known_registry()
    lang = cast(Lang, job.lang)
    given = _pack

    def resolve(policy: str | None, day: dt.date) -> Pack:
        if given is not None:
            return given
        return registry.get(policy) if policy else registry.for_date(day)

    try:
        answers_file, pack = read_answers_file(path, resolve)
    except AnswersError as exc:
        return Done(None, b"", tuple(word(problem, lang) for problem in exc.problems))
    result = assess_file(pack, answers_file, job.today, _guides(registry).applying(pack.id, answers_file.guide))
    found = find_opportunities(pack, answers_file.answers, result, job.today)
    try:
        pdf = checklist_bytes(result, lang, today=job.today, opportunities=found)
    except ChecklistError as exc:
        return Done(None, b"", tuple(word(problem.at(path.name), lang) for problem in exc.problems))
    return Done(SummaryRow.of(result, path.name, lang, job.today, answers_file.filing), pdf, ())


def _write_summaries(
    folder: OutputFolder, rows: list[SummaryRow], bad: list[str], lang: Lang, day: dt.date, names: tuple[str, str]
) -> list[str]:
    """Both summaries, each on its own: the CSV is written even if the PDF cannot be. The failures, in words."""
    failed: list[str] = []
    try:
        folder.write(names[0], render_guarded(lambda: summary_bytes(rows, bad, lang=lang, dated=day)))
    except (OutputFolderError, ChecklistError) as exc:
        placed = (p.at(names[0]) if isinstance(exc, ChecklistError) else p for p in exc.problems)
        failed.extend(word(p, lang) for p in placed)
    try:
        folder.write_with(names[1], lambda path: write_summary_csv(rows, path, lang=lang))
    except OutputFolderError as exc:
        failed.extend(word(p, lang) for p in exc.problems)
    return failed


def _capped(problems: tuple[str, ...], lang: Lang, limit: int = 3) -> list[str]:
    """At most `limit` lines, the last saying how many more there were."""
    if len(problems) <= limit:
        return list(problems)
    return [*problems[: limit - 1], word(Problem("more_problems", count=len(problems) - limit + 1), lang)]


class Progress:
    """`清单 [########------] 37/100` on the terminal, redrawn in place; nothing when output is not a terminal."""

    WIDTH = 30

    def __init__(self, stream: TextIO, total: int, caption: str) -> None:
        self.stream = stream
        self.total = total
        self.caption = caption
        self.done = 0
        self.live = bool(getattr(stream, "isatty", lambda: False)())

    def step(self) -> None:
        self.done += 1
        if self.live:
            filled = self.WIDTH * self.done // max(self.total, 1)
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self.stream.write(f"\r{self.caption} [{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def say(self, line: str) -> None:
        """A message between redraws: clear the bar's line first so the two do not mix."""
        if self.live:
            self.stream.write("\r" + " " * (self.WIDTH + len(self.caption) + 20) + "\r")
        self.stream.write(line + "\n")

    def finish(self) -> None:
        if self.live and self.total:
            self.stream.write("\n")
            self.stream.flush()


def _results(jobs: list[Job], workers: int) -> Iterator[Done]:
    if workers <= 1:
        yield from map(process, jobs)
        return
    registry, pack = _registry, _pack
    # chunks keep inter-process traffic low; small enough that the bar moves smoothly
    chunk = max(1, min(16, len(jobs) // (workers * 8)))
    # Forked workers start with the parent's objects (fonts, pack, modules). Frozen, the collector of
    # each worker leaves them alone instead of walking them again and again, and copying their pages.
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(registry, pack)) as pool:
            yield from pool.map(process, jobs, chunksize=chunk)
    finally:
        gc.unfreeze()


def run_batch(
    inputs: list[Path],
    out_dir: Path,
    *,
    jobs: int | None,
    lang: str,
    out: TextIO,
    err: TextIO,
    today: dt.date | None = None,
    overwrite: bool = False,
    pack_file: Path | None = None,
) -> int:
    """Write one checklist per good answers file, plus the summary PDF and CSV. Exit code: 0 all good,
    1 some files bad (the rest produced), 2 nothing produced."""
    language: Lang = "en" if lang == "en" else "zh"
    found, found_problems = find_answers_files(inputs)
    files, problems = found, words(found_problems, language)
    for problem in problems:
        print(terminal_safe(problem), file=err)
    if not files:
        print(word(Problem("batch.no_files"), language), file=err)
        return EXIT_NOTHING
    try:
        folder = OutputFolder.prepare(out_dir, overwrite=overwrite, lang=language)
    except OutputFolderError as exc:
        print(terminal_safe(word(exc.problem, language)), file=err)
        return EXIT_NOTHING
    if folder.note is not None:
        print(terminal_safe(word(folder.note, language)), file=err)
    registry = known_registry()
    for error in registry.errors:  # a broken pack in the user's folder is listed, never fatal
        not_used = Problem("registry.not_used", problem=error.problems[0] if error.problems else error.source)
        print(terminal_safe(word(not_used, language)), file=err)
    for line in skipped(known_guides(registry).errors):  # and a broken guide the same way
        print(terminal_safe(word(line, language)), file=err)
    pack: Pack | None = None
    if pack_file is not None:
        try:
            pack = load_pack_file(pack_file)
        except PackError as exc:
            for refused in exc.problems:
                print(terminal_safe(word(refused, language)), file=err)
            return EXIT_NOTHING
        registry.add(pack)
    use_registry(registry, pack)
    try:
        return _run(files, problems, folder, language, day=today or dt.date.today(), jobs=jobs, out=out, err=err)
    finally:
        use_registry(None)


def _run(
    files: list[Path],
    problems: list[str],
    folder: OutputFolder,
    language: Lang,
    *,
    day: dt.date,
    jobs: int | None,
    out: TextIO,
    err: TextIO,
) -> int:
    prepare()  # before the pool starts: forked workers inherit the parsed fonts
    summary_pdf, summary_csv = label("summary_pdf", language), label("summary_csv", language)
    names = UniqueNames(reserved=(summary_pdf, summary_csv))
    work = [Job(str(path), language, day) for path in files]
    workers = max(1, min(jobs or os.cpu_count() or 1, len(work)))
    rows: list[SummaryRow] = []
    bad: list[str] = list(problems)
    progress = Progress(err, len(work), "清单" if language == "zh" else "Checklists")
    try:
        for path, done in zip(files, _results(work, workers), strict=True):
            progress.step()
            if done.row is None:
                bad.extend(_capped(done.problems, language))  # the summary lists the file, not every detail
                for problem in done.problems:
                    progress.say(terminal_safe(problem))
                continue
            name = names.claim(checklist_stem(done.row.name, done.row.credit_code, path.stem), ".pdf")
            try:
                folder.write(name, done.pdf)
            except OutputFolderError as exc:
                said = word(exc.problem, language)
                bad.append(said)
                progress.say(terminal_safe(said))
                continue
            rows.append(replace(done.row, checklist=name))
    except BrokenProcessPool:
        # a worker died (out of memory, killed): keep what was produced and say what was not
        message = word(Problem("batch.worker_died", count=len(work) - progress.done), language)
        bad.append(message)
        progress.say(message)
    progress.finish()
    if not rows:
        print(word(Problem("batch.nothing_written", count=len(bad)), language), file=err)
        return EXIT_NOTHING
    failed = _write_summaries(folder, rows, bad, language, day, (summary_pdf, summary_csv))
    for message in failed:
        print(terminal_safe(message), file=err)
    if failed:
        return EXIT_SOME_BAD
    print(
        terminal_safe(
            done_line(
                len(rows), len(files) - len(rows) + len(problems), folder.path / summary_pdf, summary_csv, language
            )
        ),
        file=out,
    )
    return EXIT_SOME_BAD if bad else EXIT_OK
