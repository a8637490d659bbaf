"""Hostile XML: nothing an edition's files say makes the build read files outside the
edition, reach the network, expand entities or run code in a reader's browser."""

from __future__ import annotations

import http.server
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, TEI
from teiedition.edition import find_root, load
from teiedition.transform import Saxon

SECRET = "secret-of-the-machine-7f3a"


@pytest.fixture
def listener():
    """A web server on 127.0.0.1 that counts the requests it gets (and answers none usefully)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the standard library's name)
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY x "fetched">')

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


def build(tei: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "teiedition.cli", "build", "--tei", str(tei), "--out", str(out), "--no-pdf"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def foreign_corpus(tmp_path: Path, body: str, prolog: str = "") -> Path:
    """A one-file foreign corpus whose text is `body`, after `prolog` (a DOCTYPE)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "doc.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{prolog}<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        "<teiHeader><fileDesc><titleStmt><title>Hostile</title></titleStmt><publicationStmt><p/></publicationStmt>"
        f"<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>{body}</body></text></TEI>\n", encoding="utf-8")
    return folder


def site_text(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in (out / "html").rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".txt", ".json"))


def test_an_external_entity_is_never_expanded(tmp_path, secret):
    corpus = foreign_corpus(tmp_path, "<p>&x;</p>", f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "{secret.as_uri()}">]>\n')
    done = build(corpus, tmp_path / "out")
    assert done.returncode == 1 and "xml-no-dtd" in done.stderr
    assert SECRET not in done.stdout + done.stderr
    assert not (tmp_path / "out").exists()


def test_a_billion_laughs_is_refused_at_once(tmp_path):
    entities = '<!ENTITY a "haha">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    corpus = foreign_corpus(tmp_path, "<p>&j;</p>", f"<!DOCTYPE TEI [{entities}]>\n")
    started = time.monotonic()
    done = build(corpus, tmp_path / "out")
    assert done.returncode == 1 and "xml-no-dtd" in done.stderr
    assert time.monotonic() - started < 20


def test_a_remote_dtd_is_never_fetched(tmp_path, listener):
    address, hits = listener
    corpus = foreign_corpus(tmp_path, "<p>&x;</p>", f'<!DOCTYPE TEI SYSTEM "{address}/evil.dtd">\n')
    done = build(corpus, tmp_path / "out")
    assert done.returncode == 1 and "xml-no-dtd" in done.stderr
    assert hits == []


def test_an_xinclude_is_never_followed(tmp_path, secret):
    corpus = foreign_corpus(tmp_path, f'<p>Before <xi:include href="{secret.as_uri()}" parse="text"/> after.</p>')
    done = build(corpus, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert SECRET not in site_text(tmp_path / "out")
    assert "Before" in site_text(tmp_path / "out")


@pytest.fixture(scope="module")
def saxon() -> Saxon:
    edition, _ = load(find_root(TEI))
    return Saxon(edition)


def probe(saxon: Saxon, tmp_path: Path, expression: str, **params: str):
    """Run one XPath expression through a stylesheet compiled by the build's own Saxon."""
    sheet = tmp_path / "probe.xsl"
    declared = "".join(f'<xsl:param name="{name}"/>' for name in params)
    sheet.write_text(
        '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:te="https://teiedition.org/ns">'
        f'<xsl:output method="json"/>{declared}<xsl:template name="te:probe"><xsl:sequence select="string({expression})"/></xsl:template></xsl:stylesheet>')
    return saxon.compile(sheet).call("probe", **params)


def test_the_stylesheets_saxon_expands_no_external_entity(saxon, tmp_path, secret):
    document = tmp_path / "xxe.xml"
    document.write_text(f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>[&x;]</r>')
    assert SECRET not in probe(saxon, tmp_path, "doc($u)", u=document.as_uri())


def test_the_stylesheets_saxon_reaches_no_network(saxon, tmp_path, listener):
    from teiedition.exceptions import BuildError

    address, hits = listener
    document = tmp_path / "remote-dtd.xml"
    document.write_text(f'<!DOCTYPE r SYSTEM "{address}/x.dtd"><r>ok</r>')
    assert probe(saxon, tmp_path, "doc($u)", u=document.as_uri()) == "ok"
    with pytest.raises(BuildError):
        probe(saxon, tmp_path, "unparsed-text($u)", u=f"{address}/page")
    assert hits == []


def test_the_stylesheets_read_only_documents_the_build_names():
    """doc() and unparsed-text() take only the schema paths Python passes ($relaxng,
    $schematron): no pointer of the edition's content is ever dereferenced."""
    calls = re.compile(r"(?<![\w:-])(doc|document|unparsed-text(?:-lines)?|collection|doc-available|json-doc)\s*\(\s*([^)]*)\)")
    for sheet in (ROOT / "xslt").rglob("*.xsl"):
        code = re.sub(r"<xd:doc.*?</xd:doc>|<!--.*?-->", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for function, argument in calls.findall(code):
            assert argument.strip() in ("$relaxng", "$schematron"), f"{sheet.name}: {function}({argument})"


def test_the_book_loads_nothing_from_outside_its_templates(tmp_path, secret, listener):
    from teiedition.exceptions import BuildError
    from teiedition.pdf import restricted_fetcher

    address, hits = listener
    fetcher = restricted_fetcher(ROOT / "templates" / "print")
    for url in (secret.as_uri(), f"{address}/font.ttf", (ROOT / "templates" / "print" / ".." / ".." / "pyproject.toml").as_uri()):
        with pytest.raises(BuildError):
            fetcher.fetch(url)
    assert hits == []
    assert fetcher.fetch((ROOT / "templates" / "print" / "book.css").as_uri()) is not None


def test_every_page_forbids_script_from_content_and_other_hosts(site):
    for page in site.glob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', head)
        assert policy, page.name
        rules = dict(rule.strip().split(" ", 1) for rule in policy[1].split(";") if rule.strip())
        assert rules["default-src"] == "'self'" and "'unsafe-inline'" not in rules["script-src"]
        assert "http" not in rules["script-src"] and rules["object-src"] == "'none'"


def test_an_unsafe_link_is_dropped_with_a_warning_naming_its_place(tmp_path):
    corpus = foreign_corpus(tmp_path, '<p xml:id="p1">Click <ref target="javascript:alert(1)">here</ref>.</p>')
    done = build(corpus, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert re.search(r"doc\.xml:\d+:\d+: link-unsafe: warning: target=\"javascript:alert\(1\)\"", done.stdout), done.stdout
    page = (tmp_path / "out" / "html" / "doc.html").read_text(encoding="utf-8")
    assert "javascript:" not in page.split("<main")[1] or 'href="javascript' not in page
    assert "here" in page


def test_a_warning_about_an_element_without_an_id_names_its_own_line_and_column(tmp_path):
    # a foreign file has few ids: placed by the nearest one, every warning stood at the root's line
    corpus = foreign_corpus(tmp_path, '<p>First.</p>\n<p>Second.</p>\n<p>Click\n     <ref target="javascript:alert(1)">here</ref>.</p>')
    done = build(corpus, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert re.search(r"doc\.xml:5:6: link-unsafe: warning: ", done.stdout), done.stdout


def test_a_warning_names_the_file_it_is_about_when_another_file_has_the_same_ids(tmp_path):
    # placed by the nearest id, the warning went to the last file holding that id: the clean one
    corpus = foreign_corpus(tmp_path, '<p xml:id="p1">Click <ref target="javascript:alert(1)">here</ref>.</p>')
    clean = (corpus / "doc.xml").read_text(encoding="utf-8").replace(' target="javascript:alert(1)"', "")
    (corpus / "zz-clean.xml").write_text(clean, encoding="utf-8")
    done = build(corpus, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    assert re.search(r"corpus/doc\.xml:\d+:\d+: link-unsafe: ", done.stdout), done.stdout
    assert "zz-clean.xml" not in "".join(line for line in done.stdout.splitlines() if "link-unsafe" in line)
