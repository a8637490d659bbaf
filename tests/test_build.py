"""`edition build`: writes the whole site into its output folder, or nothing at all."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TEI
from teiedition.cli import main


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_build_writes_only_into_its_output_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--tei", str(TEI), "--out", "out"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["html"]
    assert "Built 5 documents" in capsys.readouterr().out


def test_an_invalid_edition_stops_the_build_and_leaves_the_previous_output(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TEI, tmp_path / "tei")
    assert main(["build"]) == 0
    before = tree(tmp_path / "output")
    text = tmp_path / "tei" / "texts" / "kgb-message.xml"
    text.write_text(text.read_text().replace('ref="plc:paris"', 'ref="plc:pants"', 1))
    capsys.readouterr()
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "ref-place" in err and "tei/texts/kgb-message.xml:" in err
    assert tree(tmp_path / "output") == before
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == ["html"]
