"""Every page is valid HTML5 (the Nu Html Checker) and meets WCAG 2.2 AA as far as axe-core
can tell, in a real Chromium."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT, require

VNU = ROOT / ".tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(site):
    java = require("java", "Java", "apt-get install default-jre-headless (as .ci/run does)")
    jar = require(str(VNU), "the Nu Html Checker (vnu.jar)", "npm install --prefix .tools vnu-jar (as .ci/run does)")
    pages = sorted(str(p) for p in site.glob("*.html"))
    result = subprocess.run([java, "-jar", jar, "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    problems = [f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]
    assert not problems, "\n".join(problems[:30])


@pytest.mark.parametrize("name", ["index", "introduction", "principles", "rajavi-letter", "ulianovskii-memo",
                                  "kgb-message", "exaro-article", "mojahedin-ws-essay", "persons",
                                  "organisations", "places", "events", "works", "guidelines", "search", "404"])
def test_axe_finds_no_violation(tab, site, name):
    from axe_playwright_python.sync_playwright import Axe

    tab.goto((site / f"{name}.html").as_uri())
    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})
    violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. {v['nodes'][0]['target']})" for v in results.response["violations"]]
    assert not violations, "\n".join(violations)
