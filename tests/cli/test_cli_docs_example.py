"""The command page's example project works as the page says, from a copy.

``docs/cli.rst`` shows the files of ``docs/cli-example/`` (``literalinclude``);
a reader who copies them and runs ``proxydoc generate`` gets working proxies.
The page also documents every key the ``[tool.proxydoc]`` loader accepts.
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from proxydoc.cli import _config

DOCS = Path(__file__).parents[2] / "docs"
EXAMPLE = DOCS / "cli-example"
CLI_PAGE = DOCS / "cli.rst"


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the example project, as the working folder."""
    project = tmp_path / "shop-project"
    shutil.copytree(EXAMPLE, project)
    monkeypatch.chdir(project)
    monkeypatch.syspath_prepend(str(project / "src"))
    yield project
    for name in [n for n in sys.modules if n == "shop" or n.startswith("shop.")]:
        del sys.modules[name]


def test_generate_then_check_then_call_the_proxies(shop: Path, run) -> None:
    scoped = shop / "src/shop/scoped.py"
    assert "def add" not in scoped.read_text()  # the regions start empty

    generated = run("generate")
    assert generated.status == 0, generated.err
    assert "4 files, 2 rewritten, 0 with errors" in generated.err
    checked = run("check")
    assert checked.status == 0, checked.out + checked.err
    assert "0 stale" in checked.err
    linted = run("lint")  # _cart.Cart... resolves with docs/conf.py's prefixes
    assert linted.status == 0, linted.out + linted.err

    from shop.cart import Cart

    ScopedCart = importlib.import_module("shop.scoped").ScopedCart
    cart = Cart()
    facade = ScopedCart(cart)
    assert facade.add("tea", 2) == 2
    assert facade.add("tea", quantity=1) == 3
    assert cart.items == {"tea": 3}
    assert facade.total({"tea": 2.0}, discount=0.5) == 3.0
    assert facade.currency == "EUR"
    facade.currency = "CHF"
    assert cart.currency == "CHF"
    assert isinstance(ScopedCart.empty(), Cart)
    assert "Proxied for the :class:`shop.cart.Cart` class" in (
        ScopedCart.add.__doc__ or ""
    )

    current = importlib.import_module("shop.current")
    assert current.add("milk") == 1
    assert current.total({"milk": 1.25}) == 1.25
    assert current._cart.items == {"milk": 1}


def test_the_page_shows_every_file_of_the_example() -> None:
    page = CLI_PAGE.read_text(encoding="utf-8")
    included = set(re.findall(r"\.\. literalinclude:: cli-example/(\S+)", page))
    files = {
        str(path.relative_to(EXAMPLE))
        for path in EXAMPLE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert files - {"src/shop/__init__.py"} <= included, files - included
    assert included <= files


@pytest.mark.parametrize(
    ("table", "keys"),
    [
        ("[tool.proxydoc]", _config._TOP_KEYS),
        ('[tool.proxydoc.proxies."module:Class"]', _config._PROXY_KEYS),
        ("[tool.proxydoc.stubs.<name>]", _config._STUB_KEYS),
    ],
)
def test_the_page_documents_every_key_the_loader_accepts(
    table: str, keys: set[str]
) -> None:
    page = CLI_PAGE.read_text(encoding="utf-8")
    start = page.index(f"Keys of ``{table}``")
    body = page.index("\n\n", start)  # after the title and its underline
    after = re.search(r"\n[^\n]+\n([-~^=])\1{2,}\n", page[body:])
    section = page[body : body + after.start()] if after else page[body:]
    documented = set(re.findall(r"^``(\w+)``$", section, re.MULTILINE))
    assert documented == set(keys), (
        f"missing: {sorted(set(keys) - documented)}, "
        f"not accepted: {sorted(documented - set(keys))}"
    )
