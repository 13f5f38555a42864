"""The copy buttons on term pages, used by keyboard in Chromium: each puts the
right text on the clipboard and says so in the page's language."""
from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DONE = {"zh": "已复制", "en": "Copied"}
LABELS = {
    "zh": ["复制链接", "复制为 Markdown 链接", "复制引用格式"],
    "en": ["Copy link", "Copy as Markdown link", "Copy citation"],
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_link_markdown_and_citation_by_keyboard(browser, site_url, lang):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(f"{site_url}{lang}/terms/nrr/?nrr.start_mrr=5#calc-nrr")
    url = f"{site_url}{lang}/terms/nrr/"
    today = dt.date.today().isoformat()
    expected = {
        0: url,
        1: f"[NRR]({url})",
        2: None,   # checked below
    }
    buttons = page.locator("[data-copy] button")
    expect(buttons).to_have_text(LABELS[lang])
    status = page.locator("[data-copy] [role=status]")
    for index in range(3):
        buttons.nth(index).focus()
        page.keyboard.press("Enter")
        expect(status).to_contain_text(DONE[lang])
        copied = page.evaluate("() => navigator.clipboard.readText()")
        if expected[index] is not None:
            assert copied == expected[index]
        else:
            assert url in copied and today in copied
            assert ("客户成功术语库" if lang == "zh" else "Customer Success Glossary") in copied
            assert ("净收入留存率" if lang == "zh" else "Net Revenue Retention") in copied
    context.close()


def test_copy_buttons_stay_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}en/terms/nrr/")
    expect(page.locator("[data-copy]")).to_be_hidden()
    context.close()
