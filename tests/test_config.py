"""edition.toml: read from the edition folder, overridden by flags, its mistakes located."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiedition import config
from teiedition.cli import main, parser, settings


def edition_with(tmp_path: Path, toml: str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "edition.toml").write_text(toml, encoding="utf-8")
    return folder


def test_a_folder_without_edition_toml_has_the_defaults(tmp_path):
    assert config.load(tmp_path) == config.Config()
    assert config.Config().trim == "royal-octavo" and config.Config().pdf and config.Config().search


def test_edition_toml_sets_every_key(tmp_path):
    folder = edition_with(tmp_path, 'base_url = "https://example.org/letters/"\nlanguage = "de"\ntrim = "a4"\n'
                                    'pdf = false\nsearch = false\nstrict = true\n\n[labels]\n"Registers" = "Indices"\n')
    loaded = config.load(folder)
    assert (loaded.base_url, loaded.language, loaded.trim, loaded.pdf, loaded.search, loaded.strict) == \
        ("https://example.org/letters/", "de", "a4", False, False, True)
    assert loaded.labels == {"Registers": "Indices"}


def test_a_flag_overrides_the_file(tmp_path):
    folder = edition_with(tmp_path, 'trim = "a4"\npdf = false\nlanguage = "de"\n')
    args = parser().parse_args(["build", "--tei", str(folder), "--trim", "royal-octavo", "--language", "fr"])
    merged = settings(args, folder)
    assert (merged.trim, merged.language, merged.pdf) == ("royal-octavo", "fr", False)


def test_an_unknown_key_is_a_located_usage_error(tmp_path, capsys):
    folder = edition_with(tmp_path, '# settings\nlanguage = "de"\n\ntrimm = "a4"\n')
    assert main(["build", "--tei", str(folder), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"{folder / 'edition.toml'}:4: config-unknown-key: unknown key 'trimm'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_a_wrong_type_is_a_located_usage_error(tmp_path, capsys):
    folder = edition_with(tmp_path, 'language = "de"\n[labels]\n"Registers" = "Indices"\n"Search" = 3\n')
    assert main(["validate", str(folder)]) == 2
    assert f"{folder / 'edition.toml'}:4: config-wrong-type: labels.Search" in capsys.readouterr().err


def test_a_value_outside_the_choices_is_located(tmp_path, capsys):
    folder = edition_with(tmp_path, 'pdf = true\ntrim = "letter"\n')
    assert main(["validate", str(folder)]) == 2
    assert f"{folder / 'edition.toml'}:2: config-wrong-type: trim" in capsys.readouterr().err


def test_a_toml_syntax_error_is_located(tmp_path, capsys):
    folder = edition_with(tmp_path, 'pdf = true\ntrim = a4\n')
    assert main(["validate", str(folder)]) == 2
    assert f"{folder / 'edition.toml'}:2: config-syntax:" in capsys.readouterr().err


@pytest.mark.parametrize("text, where, line", [
    ('a = 1\n[labels]\nHome = "x"\n', ("labels", "Home"), 3),
    ('[labels]\n"Home page" = "x"\n', ("labels", "Home page"), 2),
    ('labels = {Home = 1}\n', ("labels", "Home"), 1),
    ('[labels]\n', ("labels",), 1),
])
def test_the_line_of_a_key_is_found_in_the_toml_text(text, where, line):
    assert config.line_of(text, where) == line


def test_a_build_follows_edition_toml(tmp_path, capsys):
    """pdf = false and search = false: no book, no search index, no link to the search page."""
    import shutil

    from conftest import ROOT

    folder = edition_with(tmp_path, 'pdf = false\nsearch = false\nbase_url = "https://example.org/letters/"\n')
    shutil.copy(ROOT / "tests" / "fixtures" / "foreign" / "letter-1768-merchant.xml", folder)
    assert main(["build", "--tei", str(folder), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    html = tmp_path / "out" / "html"
    assert not (tmp_path / "out" / "pdf").exists() and not (html / "pagefind").exists()
    page = (html / "bristol-letter.html").read_text(encoding="utf-8")
    assert 'href="search.html"' not in page
    assert '<link rel="canonical" href="https://example.org/letters/bristol-letter.html">' in page
    assert "no-base-url" not in capsys.readouterr().out


def test_a_base_url_without_its_final_slash_gets_one(tmp_path):
    # "https://example.org/briefe" + "brief.html" made "https://example.org/briefebrief.html"
    (tmp_path / "edition.toml").write_text('base_url = "https://example.org/briefe"\n', encoding="utf-8")
    assert config.load(tmp_path).base_url == "https://example.org/briefe/"


def test_a_base_url_that_is_no_web_address_is_refused_at_its_line(tmp_path):
    (tmp_path / "edition.toml").write_text('language = "de"\nbase_url = "not a url"\n', encoding="utf-8")
    with pytest.raises(config.ConfigError, match=r"edition.toml:2: config-bad-value: base_url: 'not a url' is not a web address"):
        config.load(tmp_path)
