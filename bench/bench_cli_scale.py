"""Benchmark: ``proxydoc generate`` and ``check`` on a facade of N proxied methods.

Writes a target class of N methods (a signature with a default and a
keyword-only parameter, a docstring with a ``:param:`` field) and a facade
proxying all of them into a temporary folder, then times, in fresh
interpreters: ``generate`` filling the empty region, and ``check`` on the
result.  Prints seconds and milliseconds per method; a benchmark, not a test.
Usage: ``python bench/bench_cli_scale.py [N ...]`` (default 1000 10000).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

FACADE = """\
from __future__ import annotations

from pkg.target import Target


def create_proxy_methods(*args, **kwargs):
    return lambda cls: cls


@create_proxy_methods(
    Target, ":class:`.Target`", ":class:`.Facade`", methods={methods!r}
)
class Facade:
    _proxied: Target

    # START PROXY METHODS Facade
    # END PROXY METHODS Facade
"""


def write_project(root: Path, n: int) -> Path:
    """The target package and the facade module with an empty region."""
    package = root / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    lines = ["class Target:", '    """A target with many methods."""', ""]
    for i in range(n):
        lines += [
            f'    def m{i}(self, a: int, b: str = "x", *, c: float = 1.0) -> int:',
            f'        """Method {i}.',
            "",
            f"        :param a: the a of method {i}",
            '        """',
            "        return a",
            "",
        ]
    (package / "target.py").write_text("\n".join(lines))
    facade = package / "facade.py"
    facade.write_text(FACADE.format(methods=[f"m{i}" for i in range(n)]))
    return facade


def timed(root: Path, *argv: str) -> tuple[float, int]:
    """Seconds and exit status of ``python -m proxydoc ARGV`` in *root*."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "proxydoc", *argv, "--no-progress"],
        cwd=root,
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start, done.returncode


def main(sizes: list[int]) -> int:
    failed = False
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            facade = write_project(root, n)
            gen, gen_rc = timed(root, "generate", str(facade.relative_to(root)))
            chk, chk_rc = timed(root, "check", "-q", str(facade.relative_to(root)))
        failed |= gen_rc != 0 or chk_rc != 0
        for label, seconds, rc in (("generate", gen, gen_rc), ("check", chk, chk_rc)):
            print(
                f"proxydoc {label:8} N={n:6}: {seconds:6.2f} s, "
                f"{1000 * seconds / n:.3f} ms per method (exit {rc})",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 10000]))
