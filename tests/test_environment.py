"""What an edition's folder, its output folder and the machine may hold besides good TEI:
unreadable files and folders, named pipes, devices, links leading out, a broken or
unwritable cache, a full disk. Each is told, located, with its documented exit code, and
never hangs the build or ends it in an internal error (issue 14, Must 5)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TEI

LETTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt>
<publicationStmt><p>none</p></publicationStmt><sourceDesc><p>none</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>{words}</p></body></text></TEI>
"""

#: Root reads mode-000 files; without these capabilities it meets permissions as a user does.
AS_A_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


def corpus(folder: Path, name: str = "letter.xml", words: str = "Dear friend, alphaword.") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(LETTER.format(words=words), encoding="utf-8")
    return folder


def edition(*args: str, cwd: Path, timeout: float = 120, user: bool = False, **options) -> subprocess.CompletedProcess:
    command = [*(AS_A_USER if user else []), sys.executable, "-m", "teiedition.cli", *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=timeout, **options)
    said = done.stdout + done.stderr
    assert "Traceback" not in said and "internal error" not in said, said
    return done


def build(cwd: Path, *more: str, **options) -> subprocess.CompletedProcess:
    return edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", *more, cwd=cwd, **options)


def test_an_unreadable_tei_file_is_file_unreadable_from_build_and_validate(tmp_path):
    corpus(tmp_path / "corpus")
    locked = corpus(tmp_path / "corpus", "locked.xml")
    (locked / "locked.xml").chmod(0)
    for done in (build(tmp_path, user=True), edition("validate", "corpus", cwd=tmp_path, user=True)):
        assert done.returncode == 1, done.stdout + done.stderr
        assert "corpus/locked.xml:1:1: file-unreadable: Permission denied — " in done.stdout + done.stderr


def test_an_unreadable_file_that_is_not_tei_is_ignored(tmp_path):
    corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "notes.txt").write_text("private")
    (tmp_path / "corpus" / ".~lock.letter.xml#").write_text("lock")
    for other in ("notes.txt", ".~lock.letter.xml#"):
        (tmp_path / "corpus" / other).chmod(0)
    done = build(tmp_path, user=True)
    assert done.returncode == 0, done.stderr
    assert "alphaword" in (tmp_path / "out" / "html" / "letter.html").read_text(encoding="utf-8")


def test_an_unreadable_lock_file_in_our_own_edition_is_ignored(tmp_path):
    shutil.copytree(TEI, tmp_path / "corpus")
    lock = tmp_path / "corpus" / "texts" / ".~lock.rajavi-letter.xml#"
    lock.write_text("lock")
    lock.chmod(0)
    done = build(tmp_path, user=True)
    assert done.returncode == 0, done.stderr


def test_an_unreadable_sub_folder_is_reported(tmp_path):
    corpus(tmp_path / "corpus")
    corpus(tmp_path / "corpus" / "vol2", words="vol2word")
    (tmp_path / "corpus" / "vol2").chmod(0)
    try:
        done = build(tmp_path, user=True)
    finally:
        (tmp_path / "corpus" / "vol2").chmod(0o755)
    assert done.returncode == 1
    assert "corpus/vol2:1:1: folder-unreadable: the folder cannot be read (Permission denied) — " in done.stderr


def test_a_linked_folder_is_reported_not_skipped_silently(tmp_path):
    corpus(tmp_path / "corpus")
    corpus(tmp_path / "elsewhere", words="elsewhereword")
    (tmp_path / "corpus" / "more").symlink_to(tmp_path / "elsewhere")
    done = build(tmp_path)
    assert done.returncode == 0
    assert "corpus/more:1:1: file-skipped: warning: it is a link to a folder" in done.stdout


def test_a_folder_inside_the_texts_of_our_edition_is_reported_not_skipped_silently(tmp_path):
    shutil.copytree(TEI, tmp_path / "corpus")
    (tmp_path / "corpus" / "texts" / "drafts").mkdir()
    shutil.copy(tmp_path / "corpus" / "texts" / "kgb-message.xml", tmp_path / "corpus" / "texts" / "drafts" / "message.xml")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "corpus/texts/drafts:1:1: file-skipped: warning: it is a folder inside texts/, whose files are not read" in done.stdout + done.stderr


def test_a_named_pipe_is_skipped_with_a_warning_not_waited_for(tmp_path):
    corpus(tmp_path / "corpus")
    os.mkfifo(tmp_path / "corpus" / "pipe.xml")
    for done in (build(tmp_path, timeout=60), edition("validate", "corpus/letter.xml", cwd=tmp_path, timeout=30),
                 edition("validate", "corpus", cwd=tmp_path, timeout=30)):
        assert done.returncode == 0, done.stdout + done.stderr
    assert "corpus/pipe.xml:1:1: file-skipped: warning: it is a named pipe" in done.stdout


def test_a_named_pipe_named_to_validate_is_refused_not_waited_for(tmp_path):
    corpus(tmp_path / "corpus")
    os.mkfifo(tmp_path / "corpus" / "pipe.xml")
    done = edition("validate", "corpus/pipe.xml", cwd=tmp_path, timeout=30)
    assert done.returncode == 1
    assert "corpus/pipe.xml:1:1: file-unreadable: it is not a file but a named pipe" in done.stdout


def test_a_link_to_a_device_is_skipped_not_read_without_end(tmp_path):
    corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "zero.xml").symlink_to("/dev/zero")
    done = build(tmp_path, timeout=60)
    assert done.returncode == 0
    assert "corpus/zero.xml:1:1: file-skipped: warning: it is a link to /dev/zero, outside the edition" in done.stdout


def test_reading_a_device_is_bounded():
    from teiedition.edition import read

    source, problems = read(Path("/dev/zero"))
    assert source is None and [p.rule for p in problems] == ["file-unreadable"]


def test_a_file_over_the_limit_is_not_read(tmp_path, monkeypatch):
    from teiedition import edition as module

    monkeypatch.setattr(module, "MAX_FILE_BYTES", 1000)
    (tmp_path / "big.xml").write_bytes(b"<TEI/>" + b" " * 5000)
    assert [p.rule for p in module.read(tmp_path / "big.xml")[1]] == ["file-too-large"]
    assert module.read_bounded(tmp_path / "big.xml", 1000) is None


@pytest.mark.parametrize("where", ["corpus", "ours"])
def test_a_link_to_a_file_outside_the_edition_is_skipped_with_a_warning(tmp_path, where):
    if where == "ours":
        shutil.copytree(TEI, tmp_path / "corpus")
        outside = tmp_path / "shared-texts" / "kgb-message.xml"
        outside.parent.mkdir()
        shutil.copy(TEI / "texts" / "kgb-message.xml", outside)
        (tmp_path / "corpus" / "texts" / "kgb-copy.xml").symlink_to(outside)
        link = "corpus/texts/kgb-copy.xml"
    else:
        corpus(tmp_path / "corpus")
        corpus(tmp_path / "elsewhere", "secret.xml", "secretword")
        (tmp_path / "corpus" / "link.xml").symlink_to(tmp_path / "elsewhere" / "secret.xml")
        link = "corpus/link.xml"
    for done in (edition("validate", "corpus", cwd=tmp_path), build(tmp_path)):
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"{link}:1:1: file-skipped: warning: it is a link to " in done.stdout


def test_a_malformed_cache_is_ignored_with_a_warning(tmp_path):
    corpus(tmp_path / "corpus")
    assert build(tmp_path).returncode == 0
    state = tmp_path / "out" / ".cache" / "state.json"
    state.write_text("{not json")
    done = build(tmp_path)
    assert done.returncode == 0
    assert "out/.cache/state.json:1:1: cache-ignored: warning: the record of the last build cannot be used" in done.stdout
    assert "Nothing changed" in build(tmp_path).stdout  # the next build has a good record again


def test_a_cache_of_the_wrong_shape_is_ignored_with_a_warning(tmp_path):
    corpus(tmp_path / "corpus")
    assert build(tmp_path).returncode == 0
    state = tmp_path / "out" / ".cache" / "state.json"
    record = json.loads(state.read_text())
    state.write_text(json.dumps({**record, "report": {}}))  # the inputs match: the report would be used
    done = build(tmp_path)
    assert done.returncode == 0
    assert "cache-ignored: warning:" in done.stdout
    assert build(tmp_path).returncode == 0


def test_a_cache_that_is_a_file_is_ignored_with_a_warning(tmp_path):
    corpus(tmp_path / "corpus")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".cache").write_text("not a folder")
    done = build(tmp_path)
    assert done.returncode == 0
    assert "cache-unsaved: warning: the site is published" in done.stdout
    assert "alphaword" in (tmp_path / "out" / "html" / "letter.html").read_text(encoding="utf-8")


def test_a_full_disk_while_saving_the_cache_says_so_and_keeps_the_site(tmp_path):
    corpus(tmp_path / "corpus")
    (tmp_path / "out" / ".cache").mkdir(parents=True)
    (tmp_path / "out" / ".cache" / "state.tmp").symlink_to("/dev/full")  # every write: No space left on device
    done = build(tmp_path)
    assert done.returncode == 0
    assert "out/.cache/state.json:1:1: cache-unsaved: warning: the site is published, but the record of this build could not be saved (No space left on device)" in done.stdout
    assert "alphaword" in (tmp_path / "out" / "html" / "letter.html").read_text(encoding="utf-8")
    assert not (tmp_path / "out" / ".cache" / "state.json").exists()


def test_validate_with_only_warnings_exits_0(tmp_path):
    corpus(tmp_path / "corpus")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert done.returncode == 0
    assert "no-schema: warning:" in done.stdout


def test_the_summary_counts_only_the_files_read(tmp_path):
    corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "bad.xml").write_text("<TEI")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert done.stdout.splitlines()[-1].startswith(
        "1 error, 1 warning in 1 of 2 files (and 1 about the edition's folders or files not read).")


def test_validating_one_file_reports_only_that_file(tmp_path):
    corpus(tmp_path / "corpus")
    (tmp_path / "corpus" / "deep").mkdir()
    (tmp_path / "corpus" / "deep" / "broken.xml").write_text("<TEI")
    done = edition("validate", "corpus/letter.xml", cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert "broken.xml" not in done.stdout


def test_a_base_url_without_a_trailing_slash_is_joined_as_a_folder(tmp_path):
    corpus(tmp_path / "corpus")
    assert build(tmp_path, "--base-url", "https://example.org/edition").returncode == 0
    page = (tmp_path / "out" / "html" / "letter.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/edition/letter.html"' in page
    assert "https://example.org/edition/sitemap.xml" in (tmp_path / "out" / "html" / "robots.txt").read_text()


def test_a_base_url_that_is_not_a_web_address_is_a_usage_error(tmp_path):
    corpus(tmp_path / "corpus")
    done = build(tmp_path, "--base-url", "not a url")
    assert done.returncode == 2 and "is not a web address" in done.stderr
    assert not (tmp_path / "out").exists()


def test_a_terminal_that_cannot_show_a_character_does_not_end_the_build(tmp_path):
    corpus(tmp_path / "corpus")
    done = build(tmp_path, env={**os.environ, "PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "\\u2014" in done.stdout  # the report's dash, escaped


def test_a_bad_attribute_value_names_the_allowed_values(tmp_path):
    shutil.copytree(TEI, tmp_path / "corpus")
    text = tmp_path / "corpus" / "texts" / "rajavi-letter.xml"
    text.write_text(text.read_text(encoding="utf-8").replace('<note type="editorial"', '<note type="gossip"', 1), encoding="utf-8")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert done.returncode == 1
    assert ("relaxng: the value “gossip” of type is not allowed on note — use one of: authorial, chrome, editorial"
            in done.stdout), done.stdout
    assert "remove it" not in done.stdout


def test_a_bad_value_of_a_global_attribute_names_the_allowed_values(tmp_path):
    shutil.copytree(TEI, tmp_path / "corpus")
    text = tmp_path / "corpus" / "texts" / "exaro-article.xml"
    text.write_text(text.read_text(encoding="utf-8").replace('cert="medium"', 'cert="somewhat"', 1), encoding="utf-8")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert "relaxng: the value “somewhat” of cert is not allowed on date — use one of: high, low, medium" in done.stdout


def test_an_attribute_an_element_may_not_have_is_still_told_to_go(tmp_path):
    shutil.copytree(TEI, tmp_path / "corpus")
    text = tmp_path / "corpus" / "texts" / "rajavi-letter.xml"
    text.write_text(text.read_text(encoding="utf-8").replace("<p ", '<p colour="red" ', 1), encoding="utf-8")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert "relaxng: attribute colour is not allowed on p — remove it" in done.stdout


def test_hidden_xml_files_are_reported_and_capital_extensions_read(tmp_path):
    corpus(tmp_path / "corpus")
    corpus(tmp_path / "corpus", ".hidden.xml", "hiddenword")
    corpus(tmp_path / "corpus", "caps.XML", "capsword")
    done = build(tmp_path)
    assert done.returncode == 0, done.stderr
    assert "corpus/.hidden.xml:1:1: file-skipped: warning: it is a hidden file" in done.stdout
    assert "capsword" in (tmp_path / "out" / "html" / "caps.html").read_text(encoding="utf-8")


def test_a_utf16_declaration_on_one_byte_characters_is_an_encoding_error(tmp_path):
    corpus(tmp_path / "corpus")
    text = tmp_path / "corpus" / "letter.xml"
    text.write_text('<?xml version="1.0" encoding="UTF-16"?>\n' + text.read_text(), encoding="utf-8")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert done.returncode == 1
    assert 'corpus/letter.xml:1:1: xml-encoding: the file declares encoding="UTF-16" but is written one byte a character' in done.stdout


def test_windows_quotes_in_a_latin1_file_are_control_characters(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "letter.xml").write_bytes(
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n' + LETTER.format(words="\x93quoted\x94").encode("latin-1"))
    done = edition("validate", "corpus", cwd=tmp_path)
    assert done.returncode == 1
    assert "xml-control-char: U+0093 is a control character" in done.stdout


@pytest.mark.parametrize("part", ["edition.xml", "registers"])
def test_a_missing_front_matter_or_register_folder_is_one_message(tmp_path, part):
    shutil.copytree(TEI, tmp_path / "corpus")
    (tmp_path / "corpus" / part).unlink() if part.endswith(".xml") else shutil.rmtree(tmp_path / "corpus" / part)
    done = edition("validate", "corpus", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(f"corpus/{part}:1:1: edition-incomplete: {part} is missing")
    assert done.stdout.splitlines()[1].startswith("1 error, 0 warnings")


def test_a_source_date_beyond_the_calendar_is_an_environment_error(tmp_path):
    corpus(tmp_path / "corpus")
    done = build(tmp_path, env={**os.environ, "SOURCE_DATE_EPOCH": "99999999999999"})
    assert done.returncode == 3 and "SOURCE_DATE_EPOCH=99999999999999 is not a date" in done.stderr


def test_an_output_made_read_only_does_not_block_later_builds(tmp_path):
    corpus(tmp_path / "corpus")
    assert build(tmp_path).returncode == 0
    (tmp_path / "out" / "html").chmod(0o555)
    for word in ("betaword", "gammaword"):
        corpus(tmp_path / "corpus", words=word)
        done = build(tmp_path, user=True)
        assert done.returncode == 0, done.stderr
        assert word in (tmp_path / "out" / "html" / "letter.html").read_text(encoding="utf-8")
    for leftover in (tmp_path / "out").glob(".html-*"):  # the old folder we could not delete, for pytest to
        leftover.chmod(0o755)


def test_a_value_of_the_wrong_form_names_the_form(tmp_path):
    shutil.copytree(TEI, tmp_path / "corpus")
    text = tmp_path / "corpus" / "texts" / "exaro-article.xml"
    text.write_text(text.read_text(encoding="utf-8").replace('notBefore="2011-06-01"', 'notBefore="June 2011"', 1), encoding="utf-8")
    done = edition("validate", "corpus", cwd=tmp_path)
    assert "relaxng: the value “June 2011” of notBefore is not a valid date or gYearMonth or gYear" in done.stdout
    assert "remove it" not in done.stdout
