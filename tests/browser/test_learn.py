"""Learning mode in Chromium on the built site: cards answered by keyboard,
progress kept across a reload and through export / import, decks that follow
the glossary, and no serious accessibility finding on the learn and
cheat-sheet pages."""
from __future__ import annotations

import json
import unicodedata

import pytest
from playwright.sync_api import expect

from sitegen.local_preview import serve
from tests.conftest import REPO

pytestmark = pytest.mark.browser
LANGS = ["zh", "en"]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
RIGHT = {"zh": "答对了", "en": "Right"}
WRONG = {"zh": "不对", "en": "Not quite"}


def open_learn(page, site_url, lang):
    page.goto(f"{site_url}{lang}/learn/")
    app = page.locator("[data-learn]")
    expect(app).to_have_attribute("data-state", "ready")
    return app


def current_card(page) -> dict:
    """The card on screen, as decks.json describes it."""
    card_id = page.locator(".learn-card").get_attribute("data-card")
    return page.evaluate(
        """async (cardId) => {
             const data = await (await fetch("decks.json")).json();
             const card = data.cards[cardId];
             return {card, facts: data.terms[card.term]};
           }""", card_id)


def answer_typed_right(page):
    info = current_card(page)
    card, facts = info["card"], info["facts"]
    lang = card["answer_lang"] or "en"
    forms = [f for f in facts["forms"][lang] if f != card["prompt"]]
    page.locator("#learn-input").fill(forms[0])
    page.keyboard.press("Enter")


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_answered_right_then_wrong_by_keyboard(page, site_url, lang):
    open_learn(page, site_url, lang)
    card = page.locator(".learn-card")
    # The first deck is week one; its first card asks a name to be typed.
    expect(page.locator("#learn-input")).to_be_focused()
    answer_typed_right(page)
    feedback = page.locator(".learn-feedback[role=status]")
    expect(feedback).to_contain_text(RIGHT[lang])
    expect(card).to_have_attribute("data-verdict", "right")
    # The feedback names the term in both languages and links to its page.
    expect(feedback.locator(".learn-term a")).to_have_count(1)
    assert "/terms/" in feedback.locator(".learn-term a").get_attribute("href")
    expect(page.locator(".learn-next")).to_be_focused()

    first = card.get_attribute("data-card")
    page.keyboard.press("Enter")                       # advances
    expect(card).not_to_have_attribute("data-card", first)
    expect(page.locator("#learn-input")).to_be_focused()
    page.keyboard.type("definitely not it")
    page.keyboard.press("Enter")
    expect(card).to_have_attribute("data-verdict", "wrong")
    expect(feedback).to_contain_text(WRONG[lang])
    expect(page.locator("#learn-input")).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("lang", LANGS)
def test_a_multiple_choice_card_by_number_key(page, site_url, lang):
    open_learn(page, site_url, lang)
    # Typed cards come first for each term; answer until a choice card shows.
    for _ in range(6):
        if page.locator(".learn-choice").count():
            break
        answer_typed_right(page)
        page.keyboard.press("Enter")
    choices = page.locator(".learn-choice")
    expect(choices).to_have_count(4)
    expect(choices.first).to_be_focused()
    term = current_card(page)["card"]["term"]
    terms = [choices.nth(i).get_attribute("data-term") for i in range(4)]
    page.keyboard.press(str(terms.index(term) + 1))
    expect(page.locator(".learn-card")).to_have_attribute("data-verdict", "right")
    expect(page.locator(".learn-choice.is-answer")).to_have_count(1)


@pytest.mark.parametrize("lang", LANGS)
def test_progress_survives_a_reload(page, site_url, lang):
    open_learn(page, site_url, lang)
    first = page.locator(".learn-card").get_attribute("data-card")
    answer_typed_right(page)
    expect(page.locator(".learn-card")).to_have_attribute("data-verdict", "right")
    summary = page.locator(".learn-summary").inner_text()
    page.reload()
    expect(page.locator("[data-learn]")).to_have_attribute("data-state", "ready")
    expect(page.locator(".learn-summary")).to_have_text(summary)
    # The card just learned is not asked again first.
    assert page.locator(".learn-card").get_attribute("data-card") != first


@pytest.mark.parametrize("lang", LANGS)
def test_export_then_import_restores_progress(page, site_url, lang, tmp_path):
    open_learn(page, site_url, lang)
    answer_typed_right(page)
    expect(page.locator(".learn-card")).to_have_attribute("data-verdict", "right")
    learned = page.locator(".learn-summary").inner_text()
    with page.expect_download() as download:
        page.locator(".learn-tools button").nth(1).click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["format"] == "cs-glossary-learn-progress"

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".learn-tools button").first.click()          # reset
    expect(page.locator(".learn-summary")).not_to_have_text(learned)

    page.locator(".learn-file").set_input_files(str(saved))
    expect(page.locator(".learn-summary")).to_have_text(learned)

    # A file that is not ours is refused with a message in the page language.
    bad = tmp_path / "other.json"
    bad.write_text('{"hello": 1}')
    page.locator(".learn-file").set_input_files(str(bad))
    expect(page.locator(".learn-feedback")).to_contain_text({"zh": "无法导入", "en": "Could not import"}[lang])
    expect(page.locator(".learn-summary")).to_have_text(learned)


@pytest.fixture(scope="module")
def site_with_new_term(fixture_site):
    """The real glossary plus one new term file (aardvark-rate), built like
    `make build` (tests/fixture_site.py, shared with other modules' test terms)."""
    server = serve(fixture_site["site"], fixture_site["port"])
    yield f"http://127.0.0.1:{fixture_site['port']}/"
    server.shutdown()


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_term_file_joins_its_category_deck(browser, site_with_new_term, lang):
    context = browser.new_context()
    page = context.new_page()
    open_learn(page, site_with_new_term, lang)
    page.locator("#learn-deck").select_option("category-retention")
    # Decks keep glossary order, and "aardvark-rate" sorts first.
    expect(page.locator(".learn-card")).to_have_attribute("data-card", "zh-en:aardvark-rate")
    expect(page.locator("#learn-prompt")).to_have_text("土豚留存率")
    context.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", ["", "concepts/"], ids=["home", "concepts"])
def test_learn_and_cheat_sheet_are_linked_from_home_and_concepts(page, site_url, lang, where):
    page.goto(f"{site_url}{lang}/{where}")
    for target in ("learn/", "cheat-sheet/"):
        assert page.locator(f"article a[href$='{target}']").count() >= 1, target


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
@pytest.mark.parametrize("url", ["learn/", "cheat-sheet/"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious(browser, site_url, lang, viewport, url, scheme):
    context = browser.new_context(bypass_csp=True, reduced_motion="reduce", color_scheme=scheme,
                                  viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    page.goto(f"{site_url}{lang}/{url}")
    if url == "learn/":
        expect(page.locator("[data-learn]")).to_have_attribute("data-state", "ready")
        answer_typed_right(page)                          # feedback shown too
        expect(page.locator(".learn-card")).to_have_attribute("data-verdict", "right")
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    context.close()
    serious = [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:5]}
               for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(serious, ensure_ascii=False, indent=1)


def test_cheat_sheet_pdfs_fit_two_pages_and_name_nrr_in_both_languages(built_site):
    from pypdf import PdfReader
    for lang in LANGS:
        pdf = built_site / lang / "cheat-sheet" / f"cs-glossary-cheat-sheet-{lang}.pdf"
        reader = PdfReader(pdf)
        assert 1 <= len(reader.pages) <= 2, f"{pdf.name}: {len(reader.pages)} pages"
        # Chromium's PDFs map some CJK glyphs to Kangxi radicals; NFKC folds them back.
        text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
        assert "净收入留存率" in text and "Net Revenue Retention" in text
        html = (built_site / lang / "cheat-sheet" / "index.html").read_text(encoding="utf-8")
        assert f'href="{pdf.name}"' in html
