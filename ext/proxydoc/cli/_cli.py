"""Argument parsing, file discovery and reporting for ``proxydoc``."""

from __future__ import annotations

import argparse
import difflib
import gc
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import AnyStr, TextIO

from proxydoc import __version__
from proxydoc.cli._chain import plan_files
from proxydoc.cli._config import Config, find_pyproject, load_config
from proxydoc.cli._errors import ProxydocError, bug_error
from proxydoc.cli._files import iter_python_files
from proxydoc.cli._generate import FileResult, Generator, real_path, write_result

EXIT_OK, EXIT_STALE, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130  # as a shell reports a Ctrl-C
PROGRESS_THRESHOLD = 50


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``proxydoc`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="proxydoc",
        description="Keep facade classes' proxy methods in sync with their targets.",
    )
    parser.add_argument(
        "--version", action="version", version=f"proxydoc {__version__}"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    generate = commands.add_parser(
        "generate",
        help="rewrite the proxy regions of Python files",
        description="Rewrite each '# START PROXY METHODS <Class>' ... "
        "'# END PROXY METHODS <Class>' region with one proxy per member of the "
        "class's target. Files are written only when their text changes.",
    )
    generate.add_argument(
        "--diff", action="store_true", help="print unified diffs, write nothing"
    )
    check = commands.add_parser(
        "check",
        help="exit 1 (with diffs) when a proxy region is stale",
        description="Change nothing; print a unified diff per stale file. Exit "
        "status: 0 all current, 1 some stale, 2 errors.",
    )
    check.add_argument("--quiet", "-q", action="store_true", help="no diffs")
    lint = commands.add_parser(
        "lint",
        help="check :paramref: roles in docstrings without a Sphinx build",
        description="Report each :paramref: that names no parameter of its "
        "target. Codes: PXD001 no such parameter, PXD002 target not found, "
        "PXD003 target has no signature, PXD004 bare name outside a function, "
        "PXD005 relative target not resolvable (only with --strict).",
    )
    lint.add_argument("--strict", action="store_true", help="also report PXD005")
    for sub in (generate, check, lint):
        _common_options(sub, formats=sub is not lint)
    return parser


def _common_options(parser: argparse.ArgumentParser, *, formats: bool) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="files or folders (default: 'paths' from [tool.proxydoc], else '.')",
    )
    parser.add_argument("--config", type=Path, help="the pyproject.toml to read")
    parser.add_argument(
        "-I",
        "--import-path",
        action="append",
        default=[],
        type=Path,
        help="put this folder first on sys.path before importing targets",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress line")
    if formats:
        parser.add_argument(
            "--formatter",
            help="command formatting generated code, e.g. 'ruff format -'",
        )


def main(argv: list[str] | None = None) -> int:
    """Run ``proxydoc``; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_OK
    session = _Session(args)
    thresholds = gc.get_threshold()
    # Syntax trees of large modules are millions of objects the cyclic
    # collector would scan again and again (a 10,000-method facade: 40 % of
    # the time); fewer collections, as mypy does.  Restored for in-process use.
    gc.set_threshold(200_000, 30, 30)
    try:
        return session.run()
    except KeyboardInterrupt:
        session.stop()
        print("proxydoc: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BaseException as exc:  # no traceback, no SystemExit: one line, exit 2
        where = session.stop()
        print(bug_error(exc, where or "proxydoc"), file=sys.stderr)
        return EXIT_ERROR
    finally:
        gc.set_threshold(*thresholds)


class _Session:
    """One run of a subcommand; knows the file it is on, should a bug show up."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.progress: Progress | None = None

    def stop(self) -> str | None:
        """End the progress line; the file that was being worked on, if any."""
        if self.progress is None:
            return None
        current = self.progress.current
        self.progress.finish()
        return current

    def run(self) -> int:
        args = self.args
        try:
            config = _config(args)
            rules = config.walk_rules()
            files = list(iter_python_files(args.paths or _default_paths(config), rules))
        except ProxydocError as exc:
            print(f"proxydoc: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        for folder, pattern in rules.skipped:
            print(
                f"{display_path(folder)}: note: package not read: excluded by the "
                f"default pattern {pattern!r}; name it in paths, or set "
                "[tool.proxydoc] exclude, to read it",
                file=sys.stderr,
            )
        self.progress = Progress(len(files), not args.no_progress)
        saved = list(sys.path)
        _extend_sys_path(config)
        try:
            if args.command == "lint":
                from proxydoc.cli._lint import run_lint

                return run_lint(
                    files, config, strict=args.strict, progress=self.progress
                )
            return _run_generate(files, config, args, self.progress)
        finally:
            sys.path[:] = saved


def _config(args: argparse.Namespace) -> Config:
    path = args.config or find_pyproject(Path.cwd())
    if args.config is not None and not args.config.is_file():
        raise ProxydocError(f"{args.config}: no such file")
    config = load_config(path)
    extra = tuple(str(real_path(folder)) for folder in args.import_path)
    config = replace(config, import_paths=(*extra, *config.import_paths))
    formatter = getattr(args, "formatter", None)
    if formatter is not None:
        config = replace(config, formatter=formatter)
    return config


def _default_paths(config: Config) -> list[Path]:
    return [config.root / p for p in config.paths]


def _extend_sys_path(config: Config) -> None:
    for folder in reversed(config.import_roots):
        text = str(real_path(folder))
        if text not in sys.path:
            sys.path.insert(0, text)


def display_path(path: Path) -> str:
    """*path* relative to the working folder when it is below it."""
    try:
        return str(real_path(path).relative_to(real_path(Path.cwd())))
    except ValueError:
        return str(path)


class Progress:
    """A progress line on stderr for large trees: rewritten on a terminal."""

    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.enabled = enabled and total >= PROGRESS_THRESHOLD
        self.tty = self.stream.isatty()
        self.step = max(1, total // 10)
        self.current: str | None = None  # the file being worked on

    def update(self, done: int, display: str) -> None:
        self.current = display
        if not self.enabled:
            return
        if self.tty:
            self.stream.write(f"\r\x1b[Kproxydoc: [{done}/{self.total}] {display}")
        elif done % self.step == 0 or done == self.total:
            self.stream.write(f"proxydoc: {done}/{self.total} files\n")
        self.stream.flush()

    def finish(self) -> None:
        self.current = None
        if self.enabled and self.tty:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _run_generate(
    files: list[Path], config: Config, args: argparse.Namespace, progress: Progress
) -> int:
    generator = Generator(config)
    plan = plan_files(files, config)
    by_index: dict[int, FileResult] = {}
    for done, index in enumerate(plan.order, 1):
        display = display_path(files[index])
        progress.update(done, display)
        result = by_index[index] = generator.process(files[index], display)
        if result.changed and index in plan.needed:
            generator.use_regenerated(plan.needed[index], result)
    progress.finish()
    results = [by_index[index] for index in range(len(files))]
    unmatched = generator.config_errors(default_run=not args.paths)
    writing = args.command == "generate" and not args.diff
    show_diff = args.diff if args.command == "generate" else not args.quiet
    for result in results:
        _report(result, writing=writing, show_diff=show_diff)
    for error in unmatched:
        print(f"proxydoc: error: {error}", file=sys.stderr)
    if writing:
        _warn_stale_sources(results)
    return _summary(results, args.command, writing, len(unmatched))


def _warn_stale_sources(results: list[FileResult]) -> None:
    """Say which files used a target whose own file this run rewrote."""
    written = {real_path(r.path) for r in results if r.changed and not r.errors}
    for result in results:
        stale = (result.sources & written) - result.fresh_sources
        used = sorted(str(p) for p in stale if p != real_path(result.path))
        if used:
            print(
                f"{result.display}: its targets come from files rewritten in this "
                f"run ({', '.join(used)}); run 'proxydoc generate' again",
                file=sys.stderr,
            )


def _report(result: FileResult, *, writing: bool, show_diff: bool) -> None:
    for error in result.errors:
        print(f"{error}", file=sys.stderr)
    if not result.changed:
        return
    if show_diff:
        write_diff(result, sys.stdout)
    if writing:
        try:
            write_result(result)
        except ProxydocError as exc:  # refused: read-only, or changed since read
            result.errors.append(exc)
            print(exc, file=sys.stderr)
        except OSError as exc:
            result.errors.append(
                ProxydocError(f"cannot write: {exc}", result.display, 1)
            )
            print(result.errors[-1], file=sys.stderr)
        except Exception as exc:  # a bug: this file is left as it was, not the others
            result.errors.append(bug_error(exc, result.display))
            print(result.errors[-1], file=sys.stderr)


def write_diff(result: FileResult, stream: TextIO) -> None:
    """Print *result*'s diff to *stream*, as bytes when it has a binary buffer.

    The bytes are the file's own (see :func:`diff_bytes`), so the diff applies
    to a file in any encoding.  A text stream without a ``buffer`` (a
    ``StringIO``) gets :func:`unified_diff`'s text.
    """
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(unified_diff(result))
        return
    stream.flush()  # what was printed before comes first
    buffer.write(diff_bytes(result))
    buffer.flush()


def diff_bytes(result: FileResult) -> bytes:
    """The unified diff from the file's bytes to the bytes ``generate`` writes.

    Lines are the file's bytes in its own encoding (a UTF-8 BOM stays at the
    start of the first line), split after each ``\\n`` byte as ``patch -p1``
    and ``git apply`` read them; otherwise as :func:`unified_diff`.
    """
    name = os.fsencode(Path(result.display).as_posix())
    lines = difflib.diff_bytes(
        difflib.unified_diff,
        _patch_lines(result.old.encode(result.encoding), b"\n"),
        _patch_lines(result.new.encode(result.encoding), b"\n"),
        fromfile=b"a/" + name,
        tofile=b"b/" + name,
    )
    no_newline = f"\n{_NO_NEWLINE}\n".encode("ascii")
    return b"".join(
        line if line.endswith(b"\n") else line + no_newline for line in lines
    )


def unified_diff(result: FileResult) -> str:
    """The unified diff from the file's text to the regenerated text.

    It applies with ``patch -p1`` and ``git apply`` in the working folder (to
    a file below it): lines end after each ``\\n`` only, as those tools read
    them, so a ``\\r`` stays in its line (CRLF, lone CRs), and a last line
    without a line break is followed by ``\\ No newline at end of file``.
    As text, it applies to the file only once encoded in the file's encoding
    (and BOM): :func:`diff_bytes` is that.
    """
    name = Path(result.display).as_posix()  # relative when below the working folder
    lines = difflib.unified_diff(
        _patch_lines(result.old, "\n"),
        _patch_lines(result.new, "\n"),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(
        line if line.endswith("\n") else f"{line}\n{_NO_NEWLINE}\n" for line in lines
    )


_NO_NEWLINE = "\\ No newline at end of file"


def _patch_lines(text: AnyStr, newline: AnyStr) -> list[AnyStr]:
    """*text*'s lines as ``patch`` reads them: each ends after a *newline*."""
    lines = [line + newline for line in text.split(newline)]
    lines[-1] = lines[-1][: -len(newline)]  # what follows the last one: no break
    return lines if lines[-1] else lines[:-1]


def _summary(
    results: list[FileResult], command: str, writing: bool, config_errors: int = 0
) -> int:
    errors = sum(1 for r in results if r.errors)
    changed = sum(1 for r in results if r.changed)
    verb = "rewritten" if writing else "stale"
    more = f", {config_errors} configuration errors" if config_errors else ""
    print(
        f"proxydoc {command}: {len(results)} files, {changed} {verb}, "
        f"{errors} with errors{more}",
        file=sys.stderr,
    )
    if errors or config_errors:
        return EXIT_ERROR
    if command == "check" and changed:
        return EXIT_STALE
    return EXIT_OK
