"""Another team's MkDocs project linking to our glossary through
hooks/glossary_links_external.py and our published glossary.json.

The project is tests/fixtures/external-project, set up as the "Linking terms"
page tells other teams: it is copied into a temporary folder, the hook file and
the crosslink package are vendored under its hooks/ folder, and it is built
with `mkdocs build --strict`, reading the glossary.json of the real built site
(``built_site``) and publishing links under https://glossary.example.com/.
The hook's settings and error messages are checked by calling it directly.
"""
from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from sitegen.local_preview import free_port
from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "external-project"
HOOK = REPO / "hooks" / "glossary_links_external.py"
BASE = "https://glossary.example.com/"
LANGS = ("zh", "en")

# Every link on the fixture's page, in order: (text, target). The heading
# mentions (NRR, 续约, QBR), the code block (NRR, MRR) and repeats stay text.
EXPECTED = [
    ("大客户", "terms/ka"),
    ("NRR", "terms/nrr"),
    ("客户流失率", "terms/churn-rate"),
    ("Customer Success Manager", "terms/csm"),
    ("QBR", "terms/qbr"),
    ("续约", "terms/renewal"),
    ("Health Score", "terms/health-score"),
    ("SME", "acronyms/sme"),
    ("Tech-Touch", "terms/tech-touch"),
    ("gross retention", "terms/grr"),
    ("MRR", "terms/mrr"),
]


# ---------------------------------------------------------------------------
# The fixture project, built
# ---------------------------------------------------------------------------

def vendored_project(dest: Path) -> Path:
    shutil.copytree(FIXTURE, dest)
    (dest / "hooks").mkdir()
    shutil.copy2(HOOK, dest / "hooks" / HOOK.name)
    shutil.copytree(REPO / "crosslink", dest / "hooks" / "crosslink",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def build(project: Path, out: Path, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@pytest.fixture(scope="module")
def glossary_json(built_site) -> dict:
    return json.loads((built_site / "glossary.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def external_site(built_site, tmp_path_factory) -> dict[str, BeautifulSoup]:
    """The fixture's home page built in each language: {lang: <article>}."""
    root = tmp_path_factory.mktemp("external")
    processes = {}
    for lang in LANGS:
        project = vendored_project(root / f"project-{lang}")
        processes[lang] = (build(project, root / f"site-{lang}",
                                 CS_GLOSSARY_JSON=str(built_site / "glossary.json"),
                                 CS_GLOSSARY_LANG=lang), root / f"site-{lang}")
    pages = {}
    for lang, (process, out) in processes.items():
        output = process.stdout.read()
        assert process.wait() == 0, f"{lang} build of the external project failed:\n{output}"
        html = (out / "index.html").read_text(encoding="utf-8")
        assert "content.tooltips" in html        # Material shows the titles as tooltips
        start, end = html.find("<article"), html.find("</article>")
        pages[lang] = BeautifulSoup(html[start:end + len("</article>")], "html.parser")
    return pages


@pytest.mark.parametrize("lang", LANGS)
def test_mentions_link_to_our_published_pages(external_site, glossary_json, built_site, lang):
    links = external_site[lang].select("a.glossary-link")
    assert [(a.get_text(), a["href"]) for a in links] == [
        (text, f"{BASE}{lang}/{target}/") for text, target in EXPECTED]
    terms = {t["id"]: t for t in glossary_json["terms"]}
    for link, (_, target) in zip(links, EXPECTED):
        # Each href is a page that exists on our site.
        assert (built_site / lang / target / "index.html").is_file(), target
        if target.startswith("terms/"):
            assert link["title"] == terms[link["data-term"]][lang]["summary"]
        else:
            assert link["data-ambiguous"] == "SME"
            assert link["title"] == glossary_json["crosslink"][lang]["ambiguous"]["SME"]["title"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("selector, text", [("h1", "NRR"), ("h1", "续约"), ("h2", "QBR"),
                                            ("pre", "NRR"), ("pre", "MRR")])
def test_code_and_headings_are_left_alone(external_site, lang, selector, text):
    holding = [e for e in external_site[lang].select(selector) if text in e.get_text()]
    assert holding, f"{text!r} not in any {selector}"
    for element in holding:
        assert not element.select("a.glossary-link"), str(element)


def test_unreachable_glossary_fails_the_build_with_a_clear_message(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/glossary.json"
    process = build(vendored_project(tmp_path / "project"), tmp_path / "site", CS_GLOSSARY_JSON=url)
    output = process.stdout.read()
    assert process.wait() != 0
    assert f"cs_glossary: cannot download {url}" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "index.html").exists()


# ---------------------------------------------------------------------------
# The hook on its own: settings, loading, errors
# ---------------------------------------------------------------------------

def load_hook():
    """A fresh copy of the hook module (its linker is module state)."""
    spec = importlib.util.spec_from_file_location("glossary_links_external_under_test", HOOK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def configure(hook, tmp_path: Path, **settings):
    config = SimpleNamespace(extra={"cs_glossary": settings},
                             config_file_path=str(tmp_path / "mkdocs.yml"))
    return hook.on_config(config)


def link(hook, html: str, meta: dict | None = None) -> str:
    page = SimpleNamespace(meta=meta or {}, url="guide/", file=SimpleNamespace(src_uri="guide.md"))
    return hook.on_page_content(html, page=page, config=None, files=None)


def test_reads_the_json_by_url_and_rebases_links(site_url, tmp_path):
    hook = load_hook()
    configure(hook, tmp_path, json=f"{site_url}glossary.json", base_url=BASE, lang="zh")
    assert link(hook, "<p>我们的NRR提升了</p>").startswith(
        f'<p>我们的<a class="glossary-link" href="{BASE}zh/terms/nrr/" title="')


def test_local_path_is_relative_to_mkdocs_yml_and_base_url_is_optional(built_site, tmp_path,
                                                                         glossary_json):
    (tmp_path / "data").mkdir()
    shutil.copy2(built_site / "glossary.json", tmp_path / "data" / "glossary.json")
    hook = load_hook()
    configure(hook, tmp_path, json="data/glossary.json", lang="en")
    html = link(hook, "<p>Net Revenue Retention</p>")
    assert f'href="{glossary_json["site_url"]}en/terms/nrr/"' in html


@pytest.fixture
def json_hook(built_site, tmp_path):
    """The hook configured from a local copy of glossary.json (zh, first_only default)."""
    hook = load_hook()
    configure(hook, built_site, json="glossary.json", base_url=BASE, lang="zh")
    return hook


def test_first_mention_only_by_default_and_page_opt_out(json_hook):
    html = "<p>NRR 与 NRR</p>"
    assert link(json_hook, html).count("glossary-link") == 1
    assert link(json_hook, html, meta={"glossary_links": False}) == html


def test_first_only_false_links_every_mention(built_site):
    hook = load_hook()
    configure(hook, built_site, json="glossary.json", lang="zh", first_only=False)
    assert link(hook, "<p>NRR 与 NRR</p>").count("glossary-link") == 2


def test_explicit_references_and_unknown_ids(json_hook, caplog):
    html = link(json_hook, "<p>[[SME|subject-matter-expert]] [[nosuch]]</p>")
    assert f'href="{BASE}zh/terms/subject-matter-expert/"' in html
    assert "[[nosuch]]" in html
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("guide.md" in w and "'nosuch'" in w for w in warnings), warnings


def _mutate(data: dict, change: str) -> object:
    if change == "list":
        return [data]
    if change == "version":
        return {**data, "version": 2}
    if change == "no-crosslink":
        return {k: v for k, v in data.items() if k != "crosslink"}
    if change == "bad-target":
        data["crosslink"]["zh"]["targets"][0].pop("term_id")
    if change == "foreign-url":
        data["crosslink"]["zh"]["targets"][0]["url"] = "https://elsewhere.example/zh/terms/x/"
    if change == "no-site-url":
        data.pop("site_url")
    return data


def ok(**changes) -> dict:
    """Valid settings reading ./glossary.json, with ``changes``."""
    return {"json": "glossary.json", "lang": "zh", **changes}


# (id, extra.cs_glossary, how glossary.json is broken (None: a good copy), words of the message)
BAD = [
    ("no-settings", None, None, "add the settings to mkdocs.yml"),
    ("no-json", {"lang": "zh"}, None, "cs_glossary.json is required"),
    ("bad-lang", ok(lang="fr"), None, "cs_glossary.lang must be zh or en"),
    ("unknown-key", ok(langs="zh"), None, "unknown setting(s) langs"),
    ("bad-base", ok(base_url="glossary.example.com"), None, "base_url must be an http(s) URL"),
    ("bad-first-only", ok(first_only="yes"), None, "first_only must be true or false"),
    ("missing-file", ok(json="nowhere.json"), None, "cannot read"),
    ("not-json", ok(), "{", "is not valid JSON"),
    ("not-an-object", ok(), "list", "not a JSON object"),
    ("version", ok(), "version", "format version 2"),
    ("no-crosslink", ok(), "no-crosslink", "no crosslink.zh section"),
    ("bad-target", ok(), "bad-target", "is not a usable glossary.json"),
    ("foreign-url", ok(base_url=BASE), "foreign-url", "is not under its site_url"),
    ("no-site-url", ok(base_url=BASE), "no-site-url", "has no site_url"),
]


@pytest.mark.parametrize("settings, broken, words", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_settings_or_json_raise_plugin_error(glossary_json, tmp_path, settings, broken, words):
    if broken == "{":
        text = "{"
    else:
        text = json.dumps(_mutate(json.loads(json.dumps(glossary_json)), broken or ""))
    (tmp_path / "glossary.json").write_text(text, encoding="utf-8")
    config = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"),
                             extra={} if settings is None else {"cs_glossary": settings})
    with pytest.raises(PluginError) as error:
        load_hook().on_config(config)
    message = str(error.value)
    assert words in message and message.startswith("cs_glossary"), message


def test_http_error_raises_plugin_error(site_url, tmp_path):
    hook = load_hook()
    with pytest.raises(PluginError) as error:
        configure(hook, tmp_path, json=f"{site_url}no-such.json", lang="zh")
    assert f"cannot download {site_url}no-such.json" in str(error.value)
