// Unit tests for the practice deck's logic, run by node's own test runner
// (`node --test tests/js/`, part of `make test`).
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  BOXES, INTERVAL_DAYS, RETRY_MS, checkChoice, checkTyped, choicesFor, deckSummary,
  emptyProgress, exportProgress, importProgress, nextCard, normalize, record, rng,
} from "../../overrides/assets/javascripts/learn/learn-core.mjs";

const DAY = 24 * 60 * 60 * 1000;

const FACTS = {
  nrr: {
    id: "nrr", category: "retention", name: "净收入留存率", other_name: "Net Revenue Retention",
    abbr: "NRR", summary: "…", url: "../terms/nrr/",
    forms: { zh: ["净收入留存率", "净美元留存率"], en: ["Net Revenue Retention", "NDR", "Net Dollar Retention", "NRR"] },
    avoid: { zh: [], en: [] },
  },
  "cac-payback": {
    id: "cac-payback", category: "unit-economics", name: "CAC 回收期", other_name: "CAC Payback Period",
    abbr: null, summary: "…", url: "../terms/cac-payback/",
    forms: { zh: ["CAC 回收期"], en: ["CAC Payback Period"] }, avoid: { zh: [], en: [] },
  },
  onboarding: {
    id: "onboarding", category: "lifecycle", name: "客户引导", other_name: "Customer Onboarding",
    abbr: null, summary: "…", url: "../terms/onboarding/",
    forms: { zh: ["客户引导", "客户上手"], en: ["Customer Onboarding", "Onboarding"] },
    avoid: { zh: [{ form: "客户入职", reason: "照搬员工入职的说法" }], en: [] },
  },
};
const card = (kind, term, prompt, answer_lang) => ({ id: `${kind}:${term}`, kind, term, prompt, answer_lang });

describe("answer matching", () => {
  const cases = [
    // [what it checks, card, typed, verdict]
    ["exact English name", card("zh-en", "nrr", "净收入留存率", "en"), "Net Revenue Retention", "right"],
    ["case does not matter", card("zh-en", "nrr", "净收入留存率", "en"), "net revenue retention", "right"],
    ["an alias counts", card("zh-en", "nrr", "净收入留存率", "en"), "net dollar retention", "right"],
    ["the abbreviation counts in English", card("zh-en", "nrr", "净收入留存率", "en"), "NDR", "right"],
    ["full-width letters are half-width", card("zh-en", "nrr", "净收入留存率", "en"), "ＮＤＲ", "right"],
    ["surrounding spaces are ignored", card("zh-en", "nrr", "净收入留存率", "en"), "  Net Revenue  Retention ", "right"],
    ["a Chinese alias counts", card("en-zh", "nrr", "Net Revenue Retention", "zh"), "净美元留存率", "right"],
    ["no space between Latin and CJK", card("en-zh", "cac-payback", "CAC Payback Period", "zh"), "CAC回收期", "right"],
    ["a space between Latin and CJK", card("en-zh", "cac-payback", "CAC Payback Period", "zh"), "CAC 回收期", "right"],
    ["full-width Latin before CJK", card("en-zh", "cac-payback", "CAC Payback Period", "zh"), "ＣＡＣ回收期", "right"],
    ["hyphens are spaces", card("zh-en", "cac-payback", "CAC 回收期", "en"), "CAC-payback period", "right"],
    ["the wrong language does not count", card("en-zh", "nrr", "Net Revenue Retention", "zh"), "Net Revenue Retention", "wrong"],
    ["the acronym is not the Chinese answer", card("en-zh", "nrr", "Net Revenue Retention", "zh"), "NRR", "wrong"],
    ["a near miss is wrong", card("zh-en", "nrr", "净收入留存率", "en"), "Net Revenue Retained", "wrong"],
    ["empty is wrong", card("zh-en", "nrr", "净收入留存率", "en"), "   ", "wrong"],
    ["abbreviation to either language's full name (en)", card("abbr", "nrr", "NRR", null), "net revenue retention", "right"],
    ["abbreviation to either language's full name (zh)", card("abbr", "nrr", "NRR", null), "净收入留存率", "right"],
    ["the abbreviation is no answer to itself", card("abbr", "nrr", "NRR", null), "nrr", "wrong"],
    ["a short name counts", card("zh-en", "onboarding", "客户引导", "en"), "onboarding", "right"],
    ["an avoid form is flagged, not accepted", card("en-zh", "onboarding", "Customer Onboarding", "zh"), "客户入职", "avoid"],
  ];
  for (const [name, c, typed, verdict] of cases) {
    test(name, () => {
      const result = checkTyped(typed, c, FACTS[c.term]);
      assert.equal(result.verdict, verdict);
      if (verdict === "avoid") assert.match(result.reason, /员工入职/);
    });
  }

  test("the expected answer is in the card's answer language", () => {
    assert.equal(checkTyped("x", card("zh-en", "nrr", "净收入留存率", "en"), FACTS.nrr).expected, "Net Revenue Retention");
    assert.equal(checkTyped("x", card("en-zh", "nrr", "Net Revenue Retention", "zh"), FACTS.nrr).expected, "净收入留存率");
  });

  test("normalize folds width, case and CJK spacing", () => {
    assert.equal(normalize("ＣＡＣ 回收期"), "cac回收期");
    assert.equal(normalize("Net-Revenue  Retention."), "net revenue retention");
  });

  test("a choice is right only for the card's own term", () => {
    const c = card("definition", "nrr", "…", null);
    assert.equal(checkChoice("nrr", c).verdict, "right");
    assert.equal(checkChoice("cac-payback", c).verdict, "wrong");
  });
});

describe("Leitner schedule", () => {
  const now = Date.UTC(2026, 11, 1);
  const table = [
    // [state before, verdict, box after, due after]
    [undefined, "right", 2, now + INTERVAL_DAYS[2] * DAY],
    [{ box: 2, due: now, seen: 1 }, "right", 3, now + INTERVAL_DAYS[3] * DAY],
    [{ box: 4, due: now, seen: 3 }, "right", 5, now + INTERVAL_DAYS[5] * DAY],
    [{ box: BOXES, due: now, seen: 9 }, "right", BOXES, now + INTERVAL_DAYS[BOXES] * DAY],
    [{ box: 4, due: now, seen: 3 }, "wrong", 1, now + RETRY_MS],
    [undefined, "wrong", 1, now + RETRY_MS],
    [undefined, "avoid", 1, now + RETRY_MS],
  ];
  for (const [before, verdict, box, due] of table) {
    test(`${JSON.stringify(before)} + ${verdict} -> box ${box}`, () => {
      const after = record(before, verdict, now);
      assert.equal(after.box, box);
      assert.equal(after.due, due);
      assert.equal(after.seen, (before ? before.seen : 0) + 1);
    });
  }

  test("intervals grow with the box", () => {
    for (let box = 3; box <= BOXES; box += 1) assert.ok(INTERVAL_DAYS[box] > INTERVAL_DAYS[box - 1]);
  });

  test("due cards come first, lowest box first, then new cards in order", () => {
    const ids = ["a", "b", "c", "d", "e"];
    const progress = {
      a: { box: 3, due: now + DAY, seen: 2 },       // not due
      b: { box: 3, due: now - 10, seen: 2 },        // due, box 3
      c: { box: 1, due: now - 5, seen: 1 },         // due, box 1
    };
    assert.equal(nextCard(ids, progress, now, null), "c");
    assert.equal(nextCard(ids, progress, now, "c"), "b");
    assert.equal(nextCard(ids, {}, now, null), "a");
    assert.equal(nextCard(ids, {}, now, "a"), "b");
  });

  test("a missed card comes back in the same session", () => {
    const progress = { a: record(undefined, "wrong", now), b: record(undefined, "right", now) };
    assert.equal(nextCard(["a", "b"], progress, now + 1000, null), "a");
  });

  test("a deck with everything learned asks nothing", () => {
    const progress = { a: record(undefined, "right", now) };
    assert.equal(nextCard(["a"], progress, now + 1000, null), null);
  });

  test("summary counts new, learning, known and due", () => {
    const progress = { a: { box: 1, due: now - 1, seen: 1 }, b: { box: 4, due: now + DAY, seen: 4 } };
    assert.deepEqual(deckSummary(["a", "b", "c"], progress, now),
      { total: 3, fresh: 1, learning: 1, known: 1, due: 1 });
  });
});

describe("distractors", () => {
  const terms = {};
  const cards = {};
  const add = (id, category, name, formula = false) => {
    terms[id] = { id, category, name };
    if (formula) cards[`formula:${id}`] = {};
  };
  add("nrr", "retention", "NRR", true);
  add("grr", "retention", "GRR", true);
  add("churn", "retention", "Churn");
  add("renewal", "retention", "Renewal");
  add("logo", "retention", "Logo retention", true);
  add("arr", "revenue", "ARR", true);
  add("mrr", "revenue", "MRR", true);
  add("twin", "retention", "NRR");           // same display name: never offered with nrr
  const data = { terms, cards };

  test("four choices, the answer among them, no duplicates", () => {
    for (let seed = 1; seed < 50; seed += 1) {
      const choices = choicesFor({ kind: "definition", term: "nrr" }, data, rng(seed));
      assert.equal(choices.length, 4);
      assert.ok(choices.includes("nrr"));
      assert.equal(new Set(choices).size, 4);
      assert.ok(!choices.includes("twin"));
    }
  });

  test("definition distractors come from the same category", () => {
    const choices = choicesFor({ kind: "definition", term: "nrr" }, data, rng(7));
    for (const id of choices) assert.equal(terms[id].category, "retention");
  });

  test("formula distractors are metrics, from the category first, then others", () => {
    const choices = choicesFor({ kind: "formula", term: "nrr" }, data, rng(3));
    for (const id of choices) assert.ok(cards[`formula:${id}`], id);
    assert.ok(choices.includes("grr") && choices.includes("logo"));
  });

  test("the same seed gives the same choices", () => {
    const card = { kind: "definition", term: "grr" };
    assert.deepEqual(choicesFor(card, data, rng(42)), choicesFor(card, data, rng(42)));
  });
});

describe("progress file", () => {
  test("export then import gives the same progress", () => {
    const progress = emptyProgress();
    progress.decks["week-one"] = { "zh-en:nrr": { box: 3, due: 1767225600000, seen: 4 } };
    assert.deepEqual(importProgress(exportProgress(progress)), progress);
  });

  const bad = [
    ["not JSON", "{", "not-json"],
    ["another file", JSON.stringify({ hello: 1 }), "not-progress"],
    ["a future version", JSON.stringify({ format: "cs-glossary-learn-progress", version: 9, decks: {} }), "not-progress"],
    ["a box out of range", JSON.stringify({ format: "cs-glossary-learn-progress", version: 1, decks: { d: { c: { box: 9, due: 1 } } } }), "bad-card"],
    ["a due date that is not a number", JSON.stringify({ format: "cs-glossary-learn-progress", version: 1, decks: { d: { c: { box: 1, due: "soon" } } } }), "bad-card"],
  ];
  for (const [name, text, code] of bad) {
    test(`rejects ${name}`, () => {
      assert.throws(() => importProgress(text), (error) => error.code === code);
    });
  }
});
