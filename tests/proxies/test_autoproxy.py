"""``.. autoproxy::`` documents members a facade delegates at run time."""

from __future__ import annotations

from .helpers import notes_by_member, proxied_by, proxy_warnings, soup, text_of

MOD = "proxy_auto_mod"


def test_members_get_target_signature_text_and_note(shared_build):
    app = shared_build("proxy-auto")
    page = soup(app, "index")
    facade = page.find("dt", id=f"{MOD}.Facade")
    assert text_of(facade).startswith(f"class {MOD}.Facade(engine: Engine)")
    assert "Delegates every call to an Engine." in text_of(facade.find_next("dd"))
    connect = page.find("dt", id=f"{MOD}.Facade.connect")
    assert text_of(connect).startswith(
        "connect(timeout: float = 1.0, *, retries: int = 3) → str"
    )
    assert "Open a connection." in text_of(connect.find_next("dd"))
    create = page.find("dt", id=f"{MOD}.Facade.create")
    assert text_of(create).startswith("classmethod create(url: str)")
    assert text_of(page.find("dt", id=f"{MOD}.Facade.ping")).startswith("async ping()")
    assert text_of(page.find("dt", id=f"{MOD}.Facade.name")).startswith(
        "property name: str"
    )
    notes = notes_by_member(page)
    assert notes[f"{MOD}.Facade.connect"] == (
        "Proxied for Engine.connect() on behalf of Facade.",
        [f"#{MOD}.Engine.connect", f"#{MOD}.Facade"],
    )
    # the config map documents Configured with only the members it lists
    assert sorted(k for k in notes if ".Configured." in k) == [
        f"{MOD}.Configured.connect",
        f"{MOD}.Configured.name",
    ]


def test_back_links_and_paramrefs(shared_build):
    app = shared_build("proxy-auto")
    page = soup(app, "index")
    assert proxied_by(page)[f"{MOD}.Engine.connect"] == [
        f"#{MOD}.Configured.connect",
        f"#{MOD}.Facade.connect",
    ]
    assert proxied_by(page)[f"{MOD}.Engine.ping"] == [f"#{MOD}.Facade.ping"]
    links = [a["href"] for a in page.select("a") if "params" in a.get("href", "")]
    assert f"#{MOD}.Facade.connect.params.timeout" in links
    assert f"#{MOD}.Facade.create.params.url" in links
    assert page.find(id=f"{MOD}.Facade.connect.params.timeout") is not None


def test_bad_input_warns_and_never_crashes(shared_build):
    app = shared_build("proxy-auto")
    warnings = proxy_warnings(app._warning.getvalue(), "proxy")
    assert len(warnings) == 2
    assert (
        "index.rst:16: WARNING: autoproxy: cannot import proxy_auto_mod.Missing "
        "(AttributeError: module 'proxy_auto_mod' has no attribute 'Missing')"
        in (warnings[0])
    )
    assert (
        "index.rst:19: WARNING: autoproxy: Engine has no member 'nothing'"
        in (warnings[1])
    )
    assert not proxy_warnings(app._warning.getvalue(), "proxy-drift")
