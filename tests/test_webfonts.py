"""The site's cut fonts are made once for a face and a set of characters, and kept: in the
output's own cache (only the last build's), or in a folder that several outputs share."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from teiedition import webfonts

WHOLE = "assets/fonts/edition-serif.woff2"


def site_files(words: str) -> dict[str, bytes]:
    """The files light_fonts reads: one page with `words`, and the whole face."""
    return {"index.html": f"<p>{words}</p>".encode(), WHOLE: (ROOT / "templates" / WHOLE).read_bytes()}


@pytest.fixture
def own_cache(monkeypatch):
    monkeypatch.delenv(webfonts.SHARED_CACHE, raising=False)


#: fontTools' cut, for the one test that makes a real face
REAL_CUT = webfonts.subset


@pytest.fixture(autouse=True)
def quick_cutter(monkeypatch):
    """A stand-in for fontTools' cut (a second or two a face; what it makes is checked on the
    built site, tests/test_site.py): the same bytes for the same face and characters."""
    import hashlib

    def cut(font: bytes, wanted: frozenset[int]) -> bytes:  # a WOFF2 header (signature, length) and a digest
        return b"wOF2\0\1\0\0" + (44).to_bytes(4, "big") + hashlib.sha256(font + repr(sorted(wanted)).encode()).digest()

    monkeypatch.setattr(webfonts, "subset", cut)


def no_cutting(monkeypatch) -> None:
    def refuse(font, wanted):
        raise AssertionError("the face was cut again")
    monkeypatch.setattr(webfonts, "subset", refuse)


def test_a_rebuild_reads_its_cut_fonts_from_the_outputs_cache(tmp_path, monkeypatch, own_cache):
    first = webfonts.light_fonts(site_files("Tabriz"), tmp_path)
    assert len(list((tmp_path / ".cache" / "fonts").glob("*.woff2"))) == 1
    no_cutting(monkeypatch)
    assert webfonts.light_fonts(site_files("Tabriz"), tmp_path) == first


def test_the_outputs_cache_keeps_only_the_last_builds_cuts(tmp_path, own_cache):
    webfonts.light_fonts(site_files("Tabriz"), tmp_path)
    webfonts.light_fonts(site_files("Mashhad ü"), tmp_path)
    kept = list((tmp_path / ".cache" / "fonts").glob("*.woff2"))
    assert len(kept) == 1 and kept[0].stem == webfonts.cache_key(site_files("")[WHOLE], frozenset(
        set(range(0x20, 0x7F)) | {ord(c) for c in "<p>Mashhad ü</p>"}))


def test_other_characters_make_another_cut(tmp_path, own_cache):
    plain = webfonts.light_fonts(site_files("Tabriz"), tmp_path)
    accented = webfonts.light_fonts(site_files("Tabrīz"), tmp_path)
    assert plain != accented


def test_a_shared_cache_serves_every_output_and_forgets_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv(webfonts.SHARED_CACHE, str(tmp_path / "shared"))
    webfonts.light_fonts(site_files("Tabriz"), tmp_path / "one")
    webfonts.light_fonts(site_files("Mashhad ü"), tmp_path / "two")
    no_cutting(monkeypatch)
    webfonts.light_fonts(site_files("Tabriz"), tmp_path / "three")
    assert len(list((tmp_path / "shared" / "fonts").glob("*.woff2"))) == 2
    assert not (tmp_path / "one").exists()


def test_a_cache_that_cannot_be_written_only_costs_the_cut(tmp_path, own_cache, monkeypatch):
    monkeypatch.setattr(webfonts, "subset", REAL_CUT)
    (tmp_path / ".cache").write_text("not a folder")
    cut = webfonts.light_fonts(site_files("Tabriz"), tmp_path)
    assert cut["assets/fonts/site-serif.woff2"][:4] == b"wOF2"
    assert (tmp_path / ".cache").read_text() == "not a folder"


def test_a_face_left_half_written_in_the_cache_is_cut_again(tmp_path, own_cache):
    first = webfonts.light_fonts(site_files("Tabriz"), tmp_path)
    (kept,) = (tmp_path / ".cache" / "fonts").glob("*.woff2")
    kept.write_bytes(kept.read_bytes()[:20])
    assert webfonts.light_fonts(site_files("Tabriz"), tmp_path) == first
    assert kept.read_bytes() == first["assets/fonts/site-serif.woff2"]


def test_the_outputs_cache_forgets_what_a_killed_build_left(tmp_path, own_cache):
    (tmp_path / ".cache" / "fonts").mkdir(parents=True)
    (tmp_path / ".cache" / "fonts" / "tmpab12cd.tmp").write_bytes(b"wOF2 half")
    webfonts.light_fonts(site_files("Tabriz"), tmp_path)
    assert [p.suffix for p in (tmp_path / ".cache" / "fonts").iterdir()] == [".woff2"]
