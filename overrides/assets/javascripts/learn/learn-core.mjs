/* The practice deck's logic: answer matching, the Leitner schedule, distractor
 * choice, and the progress file. No DOM and no storage here, so node's test
 * runner tests it as it is (tests/js/learn-core.test.mjs); learn-app.mjs
 * wires it to the page.
 *
 * Why JavaScript and not the calculators' Python worker: a learn page must
 * answer a keypress at once and must not download Pyodide (about 5 MB) for
 * what is string comparison and date arithmetic. */

export const PROGRESS_FORMAT = "cs-glossary-learn-progress";
export const PROGRESS_VERSION = 1;

// Leitner boxes 1..5. A right answer moves a card up one box and hides it for
// that box's interval; a wrong one sends it back to box 1, due again after a
// few other cards. The intervals double, as in Leitner's own scheme.
export const BOXES = 5;
export const INTERVAL_DAYS = [0, 0, 1, 2, 4, 8];   // index = box after a right answer
export const RETRY_MS = 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// -- answer matching -------------------------------------------------------

const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef";
const SPACE_NEXT_TO_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, "gu");

/** The form two answers are compared in: NFKC (full-width letters and digits
 * become half-width), case-folded, with hyphens, dots and the spaces beside
 * Chinese characters ignored, so "ＮＲＲ", "nrr", "CAC回收期" and
 * "CAC 回收期" each match their plain spelling. */
export function normalize(text) {
  return String(text ?? "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\-_·•・/]/g, " ")
    .replace(/[.,;:!?'"“”‘’。，；：！？、（）()]/g, "")
    .replace(SPACE_NEXT_TO_CJK, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Judge a typed answer to a typed card.
 * Returns {verdict: "right" | "wrong" | "avoid", reason?, expected}.
 * "avoid" is a form people do use but we advise against: it does not count,
 * and the reason is shown. */
export function checkTyped(input, card, facts) {
  const given = normalize(input);
  const langs = card.answer_lang ? [card.answer_lang] : ["zh", "en"];
  const expected = card.kind === "abbr" ? facts.name : expectedName(card, facts);
  if (!given) return { verdict: "wrong", expected };
  for (const lang of langs) {
    for (const avoided of facts.avoid[lang] || []) {
      if (normalize(avoided.form) === given) {
        return { verdict: "avoid", reason: avoided.reason, form: avoided.form, expected };
      }
    }
  }
  for (const lang of langs) {
    const forms = (facts.forms[lang] || []).filter(
      // "NRR" -> "NRR" is no answer to an abbreviation card.
      (form) => !(card.kind === "abbr" && normalize(form) === normalize(card.prompt)));
    if (forms.some((form) => normalize(form) === given)) return { verdict: "right", expected };
  }
  return { verdict: "wrong", expected };
}

function expectedName(card, facts) {
  return card.answer_lang && facts.forms[card.answer_lang]
    ? facts.forms[card.answer_lang][0]
    : facts.name;
}

export function checkChoice(choiceTermId, card) {
  return { verdict: choiceTermId === card.term ? "right" : "wrong" };
}

// -- schedule --------------------------------------------------------------

/** The card state after an answer. `state` is {box, due, seen} or undefined. */
export function record(state, verdict, now) {
  const box = state ? state.box : 1;
  const seen = (state ? state.seen : 0) + 1;
  if (verdict === "right") {
    const next = Math.min(box + 1, BOXES);
    return { box: next, due: now + INTERVAL_DAYS[next] * DAY_MS, seen };
  }
  return { box: 1, due: now + RETRY_MS, seen };
}

/** The next card to ask from a deck, or null when nothing is due.
 * Due cards come first, lowest box, then earliest due; then cards never
 * seen, in deck order. The card just asked is not repeated while another
 * is available. */
export function nextCard(deckCardIds, deckProgress, now, lastCardId) {
  const due = [];
  const fresh = [];
  for (const id of deckCardIds) {
    const state = deckProgress[id];
    if (!state) fresh.push(id);
    else if (state.due <= now) due.push(id);
  }
  due.sort((a, b) => deckProgress[a].box - deckProgress[b].box || deckProgress[a].due - deckProgress[b].due);
  const order = [...due, ...fresh];
  const pick = order.find((id) => id !== lastCardId) ?? order[0];
  if (pick) return pick;
  // Nothing due: a wrong answer retried a minute from now still comes back
  // in this session rather than leaving the reader with an empty deck.
  const retry = deckCardIds
    .filter((id) => deckProgress[id] && deckProgress[id].box === 1)
    .sort((a, b) => deckProgress[a].due - deckProgress[b].due);
  return retry.find((id) => id !== lastCardId) ?? null;
}

/** How a deck stands: counts of new, learning (box 1-2), known (box 3+) and
 * due cards. */
export function deckSummary(deckCardIds, deckProgress, now) {
  const summary = { total: deckCardIds.length, fresh: 0, learning: 0, known: 0, due: 0 };
  for (const id of deckCardIds) {
    const state = deckProgress[id];
    if (!state) { summary.fresh += 1; continue; }
    if (state.box >= 3) summary.known += 1; else summary.learning += 1;
    if (state.due <= now) summary.due += 1;
  }
  return summary;
}

// -- distractors -----------------------------------------------------------

/** A small seeded generator (mulberry32), so tests and a reader's round are
 * reproducible from the seed. */
export function rng(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle(items, random) {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Up to `count` wrong answers for a multiple-choice card, then the choices
 * in random order. Distractors come from the same category, so that the
 * choice tests meaning, not topic; a formula card draws from other metrics.
 * Terms with the same display name are never offered together. */
export function choicesFor(card, data, random, count = 3) {
  const answer = data.terms[card.term];
  const eligible = (id) => id !== card.term && data.terms[id].name !== answer.name;
  const hasFormula = (id) => Boolean(data.cards[`formula:${id}`]);
  const allIds = Object.keys(data.terms).filter(eligible);
  const sameCategory = allIds.filter((id) => data.terms[id].category === answer.category);
  let preferred = sameCategory;
  let fallback = allIds;
  if (card.kind === "formula") {
    preferred = sameCategory.filter(hasFormula);
    fallback = allIds.filter(hasFormula);
  }
  const picked = shuffle(preferred, random).slice(0, count);
  for (const id of shuffle(fallback, random)) {
    if (picked.length >= count) break;
    if (!picked.includes(id)) picked.push(id);
  }
  return shuffle([card.term, ...picked], random);
}

// -- progress file ---------------------------------------------------------

export function emptyProgress() {
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, decks: {} };
}

export function exportProgress(progress) {
  return JSON.stringify({ ...progress, exported: new Date().toISOString() }, null, 2);
}

/** Read a progress file. Throws an Error whose `code` the page turns into a
 * message in the reader's language: "not-json", "not-progress", "bad-card". */
export function importProgress(text) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw Object.assign(new Error("not JSON"), { code: "not-json" });
  }
  if (!raw || raw.format !== PROGRESS_FORMAT || raw.version !== PROGRESS_VERSION
      || typeof raw.decks !== "object" || raw.decks === null || Array.isArray(raw.decks)) {
    throw Object.assign(new Error("not a progress file"), { code: "not-progress" });
  }
  const decks = {};
  for (const [deckId, cards] of Object.entries(raw.decks)) {
    if (typeof cards !== "object" || cards === null) {
      throw Object.assign(new Error(`deck ${deckId}`), { code: "bad-card" });
    }
    decks[deckId] = {};
    for (const [cardId, state] of Object.entries(cards)) {
      const ok = state && Number.isInteger(state.box) && state.box >= 1 && state.box <= BOXES
        && Number.isFinite(state.due) && Number.isInteger(state.seen ?? 0);
      if (!ok) throw Object.assign(new Error(`card ${cardId}`), { code: "bad-card" });
      decks[deckId][cardId] = { box: state.box, due: state.due, seen: state.seen ?? 0 };
    }
  }
  return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, decks };
}
