"""`edition validate`: exit codes, messages at file:line:col, never a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import TEI
from teiedition.cli import main


@pytest.fixture
def copy(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the edition in a temporary folder, which is also the working directory."""
    target = tmp_path / "tei"
    shutil.copytree(TEI, target)
    monkeypatch.chdir(tmp_path)
    return target


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(["validate", *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_the_edition_is_valid(capsys, monkeypatch):
    monkeypatch.chdir(TEI.parent)
    code, out = run(capsys)
    assert code == 0, out
    assert re.search(r"^\d+ files valid, no problems\.", out, re.M)


def test_a_single_file_is_checked_against_the_registers_of_its_edition(capsys, monkeypatch):
    monkeypatch.chdir(TEI.parent)
    code, out = run(capsys, "tei/texts/kgb-message.xml")
    assert code == 0, out
    assert out.startswith("1 files valid")


def test_a_dangling_register_pointer_is_reported_at_its_line(capsys, copy):
    text = copy / "texts" / "kgb-message.xml"
    text.write_text(text.read_text().replace('ref="plc:paris"', 'ref="plc:pants"', 1))
    code, out = run(capsys, "tei")
    line = line_of(text, 'ref="plc:pants"')
    assert code == 1
    assert re.search(rf"^tei/texts/kgb-message\.xml:{line}:\d+: ref-place: .*plc:pants.*register", out, re.M), out


def test_an_element_the_schema_does_not_allow_is_reported_by_relaxng(capsys, copy):
    text = copy / "texts" / "kgb-message.xml"
    text.write_text(text.read_text().replace("<body>", "<body><blink/>", 1))
    code, out = run(capsys, "tei")
    assert code == 1
    assert re.search(rf"^tei/texts/kgb-message\.xml:{line_of(text, '<blink/>')}:\d+: relaxng: ", out, re.M), out


def test_ill_formed_xml_is_reported_with_line_and_column_not_raised(capsys, copy):
    text = copy / "texts" / "kgb-message.xml"
    lines = text.read_text().splitlines()
    lines[20] += "<unclosed"
    text.write_text("\n".join(lines))
    code, out = run(capsys, "tei")
    assert code == 1
    assert re.search(r"^tei/texts/kgb-message\.xml:2[12]:\d+: xml-well-formed: .+ — ", out, re.M), out
    assert "Traceback" not in out


def test_an_empty_file_is_reported(capsys, copy):
    (copy / "texts" / "empty.xml").write_text("")
    code, out = run(capsys, "tei")
    assert code == 1
    assert "tei/texts/empty.xml:1:1: xml-well-formed: the file is empty" in out


def test_a_path_that_does_not_exist_is_a_usage_error(capsys, copy):
    code, out = run(capsys, "no/such/file.xml")
    assert code == 2
    assert "no/such/file.xml: no such file or folder" in out


def test_the_summary_counts_errors_and_files(capsys, copy):
    (copy / "texts" / "empty.xml").write_text("")
    code, out = run(capsys, "tei")
    assert out.strip().splitlines()[-1].startswith("1 error, 0 warnings in 1 of ")


def test_a_file_with_a_dtd_is_refused_with_its_reason(capsys, copy):
    text = copy / "texts" / "kgb-message.xml"
    declaration = '<!DOCTYPE TEI [<!ENTITY a "aaaa"><!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
    source = text.read_text()
    first = source.index("\n") + 1
    text.write_text(source[:first] + declaration + source[first:].replace("At a regular meeting", "At &a; &x; a regular meeting", 1))
    code, out = run(capsys, "tei")
    assert code == 1
    assert "tei/texts/kgb-message.xml:1:1: xml-no-dtd: the file declares a DTD" in out
    assert "root:" not in out and "Traceback" not in out
