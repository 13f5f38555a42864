"""Another team's MkDocs project linking to our glossary through the
`cs-glossary` plugin, installed the way a team installs it.

The wheel is built from this repository and installed into a fresh virtualenv
in a temporary folder (with MkDocs and Material, as the team would have
them); tests/fixtures/external-project is then built with `mkdocs build
--strict`, reading the glossary.json of the real built site (``built_site``)
and publishing links under https://glossary.example.com/. The plugin's
options and error messages are checked by calling it directly.
"""
from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from cs_glossary_mkdocs.plugin import GlossaryLinksPlugin
from sitegen.local_preview import free_port
from tests.ahead import build_ahead
from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "external-project"
BASE = "https://glossary.example.com/"
LANGS = ("zh", "en")
# What the team's venv gets beside the wheel, pinned like ours.
TEAM_PACKAGES = ("mkdocs==1.6.1", "mkdocs-material==9.8.1", "pymdown-extensions==13.1")
DISTRIBUTION_FILES = ("pyproject.toml", "crosslink", "cs_glossary_mkdocs")

# Every link on the fixture's page, in order: (text, target). The heading
# mentions (NRR, 续约, QBR), the code block (NRR, MRR) and repeats stay text.
EXPECTED = [
    ("大客户", "terms/ka"),
    ("NRR", "terms/nrr"),
    ("客户流失率", "terms/churn-rate"),
    ("Customer Success Manager", "terms/csm"),
    ("QBR", "terms/qbr"),
    ("成功计划", "terms/success-plan"),
    ("续约", "terms/renewal"),
    ("Health Score", "terms/health-score"),
    ("SME", "acronyms/sme"),
    ("Tech-Touch", "terms/tech-touch"),
    ("gross retention", "terms/grr"),
    ("MRR", "terms/mrr"),
]


# ---------------------------------------------------------------------------
# The plugin, packaged and installed into a fresh virtualenv
# ---------------------------------------------------------------------------

@build_ahead
def wheel(ahead) -> Path:
    """The distribution built from this repository's files, as `pip wheel` builds it."""
    source = ahead.tmp.mktemp("dist-source")
    for name in DISTRIBUTION_FILES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    out = ahead.tmp.mktemp("dist")
    result = ahead.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "-q", "-w", str(out), str(source)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    [built] = out.glob("cs_glossary_mkdocs-*.whl")
    return built


def test_the_wheel_holds_the_plugin_and_the_linker_and_registers_the_entry_point(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "cs_glossary_mkdocs/plugin.py" in names and "crosslink/linker.py" in names
    assert not any(n.startswith(("sitegen/", "glossary/", "hooks/", "tests/")) for n in names)
    [entry_points] = [n for n in names if n.endswith("entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[mkdocs.plugins]" in text and "cs-glossary = cs_glossary_mkdocs.plugin:GlossaryLinksPlugin" in text


@build_ahead
def team_venv(ahead) -> Path:
    """A fresh virtualenv with only MkDocs, Material and our wheel installed.
    Our pip installs into it (pip --python): the team's venv needs no pip of
    its own, and leaving it out saves the venv its ensurepip step."""
    wheel = ahead.result("wheel")
    venv = ahead.tmp.mktemp("team") / "venv"
    ahead.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    result = ahead.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
                        "--disable-pip-version-check", str(wheel), *TEAM_PACKAGES],
                       capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return venv


def build(venv: Path, project: Path, out: Path, popen=subprocess.Popen, **env) -> subprocess.Popen:
    return popen(
        [str(venv / "bin" / "mkdocs"), "build", "--strict", "-d", str(out)],
        cwd=project, env=dict(os.environ, NO_MKDOCS_2_WARNING="1", **env),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def project_copy(dest: Path, **replace) -> Path:
    shutil.copytree(FIXTURE, dest)
    config = dest / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for old, new in replace.items():
        text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def glossary_json(built_site) -> dict:
    return json.loads((built_site / "glossary.json").read_text(encoding="utf-8"))


@build_ahead
def external_site(ahead) -> dict[str, BeautifulSoup]:
    """The fixture's home page built in each language: {lang: <article>}."""
    team_venv, built_site = ahead.result("team_venv"), ahead.result("built_site")
    root = ahead.tmp.mktemp("external")
    processes = {}
    for lang in LANGS:
        project = project_copy(root / f"project-{lang}")
        processes[lang] = (build(team_venv, project, root / f"site-{lang}", ahead.popen,
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


@pytest.mark.parametrize("lang", LANGS)
def test_no_link_inside_a_link_and_none_to_the_page_itself(external_site, lang):
    # The team's own link text ("BI 里的 NRR 看板") keeps its one link.
    [own] = [a for a in external_site[lang].select("a") if "bi.example.org" in a.get("href", "")]
    assert own.select("a") == [] and own.get_text() == "BI 里的 NRR 看板"
    for link in external_site[lang].select("a.glossary-link"):
        assert link["href"].startswith(BASE) and link.find_parent("a") is None


# (id, the plugin's settings in mkdocs.yml, words of the one line that explains the failure)
BAD_BUILDS = [
    ("unknown-option", {"first_only: true": "first_only: true\n      langs: zh"}, "langs"),
    ("unknown-lang", {"lang: !ENV [CS_GLOSSARY_LANG, zh]": "lang: fr"}, "lang"),
    ("unreadable-source", {"source: !ENV CS_GLOSSARY_JSON": "source: nowhere/glossary.json"}, "cs-glossary: cannot read"),
]


@build_ahead
def failing_team_builds(ahead) -> dict[str, dict]:
    """Every strict build below that must fail, run at once in the team's venv:
    {case: {"code", "output", "site", "url"}}."""
    team_venv, built_site = ahead.result("team_venv"), ahead.result("built_site")
    glossary_json = json.loads((built_site / "glossary.json").read_text(encoding="utf-8"))
    started = {}
    for case, replace, _ in BAD_BUILDS:
        root = ahead.tmp.mktemp(case)
        started[case] = (build(team_venv, project_copy(root / "project", **replace), root / "site", ahead.popen,
                               CS_GLOSSARY_JSON=str(built_site / "glossary.json")), root / "site", None)
    root = ahead.tmp.mktemp("format-version")
    future = root / "future.json"
    future.write_text(json.dumps({**glossary_json, "format_version": 2, "version": 2}), encoding="utf-8")
    started["format-version"] = (build(team_venv, project_copy(root / "project"), root / "site", ahead.popen,
                                       CS_GLOSSARY_JSON=str(future)), root / "site", None)
    root = ahead.tmp.mktemp("unreachable")
    url = f"http://127.0.0.1:{free_port()}/glossary.json"
    started["unreachable"] = (build(team_venv, project_copy(root / "project"), root / "site", ahead.popen,
                                    CS_GLOSSARY_JSON=url), root / "site", url)
    outputs = {case: process.stdout.read() for case, (process, _, _) in started.items()}
    return {case: {"code": process.wait(), "output": outputs[case], "site": site, "url": url}
            for case, (process, site, url) in started.items()}


@pytest.mark.parametrize("case, words", [(b[0], b[2]) for b in BAD_BUILDS], ids=[b[0] for b in BAD_BUILDS])
def test_bad_settings_fail_the_strict_build_with_one_clear_line(failing_team_builds, case, words):
    build = failing_team_builds[case]
    output = build["output"]
    assert build["code"] != 0
    assert words in output and "Traceback" not in output, output
    assert not (build["site"] / "index.html").exists()


def test_format_version_mismatch_fails_the_build(failing_team_builds):
    build = failing_team_builds["format-version"]
    output = build["output"]
    assert build["code"] != 0
    assert "format version 2; this plugin reads version 1" in output and "Traceback" not in output


def test_unreachable_glossary_fails_the_build_naming_the_url(failing_team_builds):
    build = failing_team_builds["unreachable"]
    output, url = build["output"], build["url"]
    assert build["code"] != 0
    assert f"cs-glossary: cannot download {url}" in output
    assert "Traceback" not in output
    assert not (build["site"] / "index.html").exists()


# ---------------------------------------------------------------------------
# The plugin on its own: options, loading, errors
# ---------------------------------------------------------------------------

def configured(tmp_path: Path, **options) -> GlossaryLinksPlugin:
    plugin = GlossaryLinksPlugin()
    errors, warnings = plugin.load_config(options, str(tmp_path / "mkdocs.yml"))
    assert errors == [] and warnings == [], (errors, warnings)
    plugin.on_config(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml")))
    return plugin


def link(plugin, html: str, meta: dict | None = None) -> str:
    page = SimpleNamespace(meta=meta or {}, url="guide/", file=SimpleNamespace(src_uri="guide.md"))
    return plugin.on_page_content(html, page=page, config=None, files=None)


def test_reads_the_json_by_url_and_rebases_links(site_url, tmp_path):
    plugin = configured(tmp_path, source=f"{site_url}glossary.json", base_url=BASE, lang="zh")
    assert link(plugin, "<p>我们的NRR提升了</p>").startswith(
        f'<p>我们的<a class="glossary-link" href="{BASE}zh/terms/nrr/" title="')


def test_a_cached_copy_is_used_only_when_asked_for(site_url, tmp_path, built_site):
    dead = f"http://127.0.0.1:{free_port()}/glossary.json"
    with pytest.raises(PluginError, match="cannot download"):
        configured(tmp_path, source=dead, lang="zh")
    # With a cache: a good download fills it, and a later failure reads it.
    configured(tmp_path, source=f"{site_url}glossary.json", lang="zh", cache="cache/glossary.json")
    assert (tmp_path / "cache" / "glossary.json").is_file()
    plugin = configured(tmp_path, source=dead, lang="zh", cache="cache/glossary.json")
    assert "glossary-link" in link(plugin, "<p>NRR</p>")


def test_local_path_is_relative_to_mkdocs_yml_and_base_url_is_optional(built_site, tmp_path, glossary_json):
    (tmp_path / "data").mkdir()
    shutil.copy2(built_site / "glossary.json", tmp_path / "data" / "glossary.json")
    plugin = configured(tmp_path, source="data/glossary.json", lang="en")
    assert f'href="{glossary_json["site_url"]}en/terms/nrr/"' in link(plugin, "<p>Net Revenue Retention</p>")


@pytest.fixture
def zh_plugin(built_site):
    return configured(built_site, source="glossary.json", base_url=BASE, lang="zh")


def test_first_mention_only_by_default_and_page_opt_out(zh_plugin):
    html = "<p>NRR 与 NRR</p>"
    assert link(zh_plugin, html).count("glossary-link") == 1
    assert link(zh_plugin, html, meta={"glossary_links": False}) == html


def test_first_only_false_links_every_mention(built_site):
    plugin = configured(built_site, source="glossary.json", lang="zh", first_only=False)
    assert link(plugin, "<p>NRR 与 NRR</p>").count("glossary-link") == 2


def test_explicit_references_and_unknown_ids(zh_plugin, caplog):
    html = link(zh_plugin, "<p>[[SME|subject-matter-expert]] [[nosuch]]</p>")
    assert f'href="{BASE}zh/terms/subject-matter-expert/"' in html
    assert "[[nosuch]]" in html
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("guide.md" in w and "'nosuch'" in w for w in warnings), warnings


def test_unknown_options_are_reported_by_config_validation(tmp_path):
    errors, warnings = GlossaryLinksPlugin().load_config(
        {"source": "glossary.json", "lang": "zh", "langs": "zh"}, str(tmp_path / "mkdocs.yml"))
    assert any("langs" in str(w) for w in warnings), warnings
    errors, _ = GlossaryLinksPlugin().load_config({"source": "glossary.json", "lang": "fr"},
                                                  str(tmp_path / "mkdocs.yml"))
    assert errors and "fr" in str(errors[0][1])


def _mutate(data: dict, change: str) -> object:
    if change == "list":
        return [data]
    if change == "version":
        return {**data, "format_version": 2, "version": 2}
    if change == "no-crosslink":
        return {k: v for k, v in data.items() if k != "crosslink"}
    if change == "bad-target":
        data["crosslink"]["zh"]["targets"][0].pop("term_id")
    if change == "foreign-url":
        data["crosslink"]["zh"]["targets"][0]["url"] = "https://elsewhere.example/zh/terms/x/"
    if change == "no-site-url":
        data.pop("site_url")
    return data


# (id, options beside source=glossary.json and lang=zh, how glossary.json is broken, words of the message)
BAD = [
    ("bad-base", {"base_url": "glossary.example.com"}, None, "base_url must be an http(s) URL"),
    ("missing-file", {"source": "nowhere.json"}, None, "cannot read"),
    ("not-json", {}, "{", "is not valid JSON"),
    ("not-an-object", {}, "list", "not a JSON object"),
    ("version", {}, "version", "format version 2"),
    ("no-crosslink", {}, "no-crosslink", "no crosslink.zh section"),
    ("bad-target", {}, "bad-target", "is not a usable glossary.json"),
    ("foreign-url", {"base_url": BASE}, "foreign-url", "is not under its site_url"),
    ("no-site-url", {"base_url": BASE}, "no-site-url", "has no site_url"),
]


@pytest.mark.parametrize("options, broken, words", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_json_raises_one_line_plugin_error(glossary_json, tmp_path, options, broken, words):
    if broken == "{":
        text = "{"
    else:
        text = json.dumps(_mutate(json.loads(json.dumps(glossary_json)), broken or ""))
    (tmp_path / "glossary.json").write_text(text, encoding="utf-8")
    with pytest.raises(PluginError) as error:
        configured(tmp_path, **{"source": "glossary.json", "lang": "zh", **options})
    message = str(error.value)
    assert words in message and message.startswith("cs-glossary: ") and "\n" not in message, message
