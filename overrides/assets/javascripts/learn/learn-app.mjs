/* The practice page (<lang>/learn/): draws cards from the build's decks.json,
 * asks them, and keeps progress in this browser's localStorage only.
 * Nothing is sent anywhere. All visible text comes from the page's
 * data-text-* attributes (sitegen/ui.yml), so it is in the page's language.
 * The logic lives in learn-core.mjs; this file is DOM and storage. */
import {
  checkChoice, checkTyped, choicesFor, deckSummary, emptyProgress, exportProgress,
  importProgress, nextCard, record, rng,
} from "./learn-core.mjs";

const TYPED = new Set(["zh-en", "en-zh", "abbr"]);

export function mount(root) {
  if (root.dataset.learnMounted) return;
  root.dataset.learnMounted = "1";
  const text = (key, values = {}) =>
    (root.getAttribute(`data-text-${key}`) || key).replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");
  const lang = root.dataset.lang;
  const storageKey = `cs-glossary.learn.${lang}`;
  const status = root.querySelector("[data-learn-status]");

  fetch(new URL(root.dataset.decks, location.href))
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    })
    .then((data) => start(data))
    .catch(() => { status.textContent = text("load-error"); root.dataset.state = "error"; });

  function start(data) {
    const store = openStore(storageKey);
    let progress = store.load();
    let deckId = data.decks[0].id;
    let current = null;          // {card, choices?}
    let answered = false;
    let lastCardId = null;
    const random = rng(Date.now() & 0xffffffff);

    root.replaceChildren();
    root.dataset.state = "ready";
    const controls = el("div", { class: "learn-controls" });
    const deckLabel = el("label", { for: "learn-deck" }, text("deck"));
    const deckSelect = el("select", { id: "learn-deck" });
    for (const deck of data.decks) deckSelect.append(el("option", { value: deck.id }, deck.title));
    const summaryLine = el("p", { class: "learn-summary", "aria-live": "polite" });
    controls.append(deckLabel, deckSelect, summaryLine);

    const cardBox = el("section", { class: "learn-card", "aria-labelledby": "learn-prompt" });
    const feedback = el("div", { class: "learn-feedback", role: "status", "aria-live": "polite" });
    const tools = el("div", { class: "learn-tools" });
    const resetButton = el("button", { type: "button", class: "learn-btn" }, text("reset"));
    const exportButton = el("button", { type: "button", class: "learn-btn" }, text("export"));
    const importLabel = el("label", { class: "learn-btn learn-import" }, text("import"));
    const importInput = el("input", { type: "file", accept: "application/json,.json", class: "learn-file" });
    importLabel.append(importInput);
    tools.append(resetButton, exportButton, importLabel);
    const note = el("p", { class: "learn-note" }, store.persistent ? text("privacy") : text("no-storage"));
    root.append(controls, cardBox, feedback, tools, note);

    deckSelect.addEventListener("change", () => { deckId = deckSelect.value; lastCardId = null; ask(); });
    resetButton.addEventListener("click", () => {
      if (!window.confirm(text("reset-confirm"))) return;
      progress = emptyProgress();
      store.save(progress);
      say(text("reset-done"));
      ask();
    });
    exportButton.addEventListener("click", () => {
      const blob = new Blob([exportProgress(progress)], { type: "application/json" });
      const link = el("a", { href: URL.createObjectURL(blob), download: `cs-glossary-progress-${lang}.json` });
      document.body.append(link);
      link.click();
      link.remove();
      say(text("export-done"));
    });
    importInput.addEventListener("change", () => {
      const file = importInput.files && importInput.files[0];
      if (!file) return;
      file.text().then((body) => {
        try {
          progress = importProgress(body);
          store.save(progress);
          say(text("import-done"));
          ask();
        } catch (error) {
          say(text(`import-${error.code || "not-json"}`), "wrong");
        }
        importInput.value = "";
      });
    });
    root.addEventListener("keydown", onKey);

    function deck() { return data.decks.find((d) => d.id === deckId) || data.decks[0]; }
    function deckProgress() { return (progress.decks[deck().id] ||= {}); }

    function showSummary() {
      const s = deckSummary(deck().cards, deckProgress(), Date.now());
      summaryLine.textContent = text("summary", { total: s.total, fresh: s.fresh, learning: s.learning, known: s.known, due: s.due });
    }

    function ask() {
      answered = false;
      showSummary();
      cardBox.replaceChildren();
      const cardId = nextCard(deck().cards, deckProgress(), Date.now(), lastCardId);
      if (!cardId) {
        current = null;
        cardBox.append(el("p", { id: "learn-prompt", class: "learn-done" }, text("deck-done")));
        return;
      }
      const card = data.cards[cardId];
      current = { card };
      lastCardId = cardId;
      cardBox.dataset.kind = card.kind;
      cardBox.dataset.card = card.id;
      cardBox.append(
        el("p", { class: "learn-kind" }, text(`kind-${card.kind}`)),
        el("p", { id: "learn-prompt", class: "learn-prompt", lang: card.prompt_lang }, card.prompt),
      );
      if (TYPED.has(card.kind)) {
        const form = el("form", { class: "learn-answer" });
        const label = el("label", { for: "learn-input", class: "learn-input-label" },
          text(card.answer_lang ? `answer-${card.answer_lang}` : "answer-any"));
        const input = el("input", {
          id: "learn-input", type: "text", autocomplete: "off", autocapitalize: "off",
          spellcheck: "false", lang: card.answer_lang === "zh" ? "zh-Hans" : card.answer_lang || "",
        });
        const submit = el("button", { type: "submit", class: "learn-btn learn-btn--primary" }, text("check"));
        form.append(label, input, submit);
        form.addEventListener("submit", (event) => {
          event.preventDefault();
          if (!answered) judge(checkTyped(input.value, card, data.terms[card.term]), input.value);
          else ask();
        });
        cardBox.append(form);
        input.focus();
      } else {
        current.choices = choicesFor(card, data, random);
        const list = el("ol", { class: "learn-choices" });
        current.choices.forEach((termId, index) => {
          const button = el("button", { type: "button", class: "learn-choice", "data-term": termId },
            `${index + 1}. ${data.terms[termId].name}`);
          button.addEventListener("click", () => { if (!answered) judge(checkChoice(termId, card), null, button); });
          list.append(el("li", {}, button));
        });
        cardBox.append(list);
        list.querySelector("button").focus();
      }
    }

    function judge(result, typed, chosenButton) {
      const card = current.card;
      const facts = data.terms[card.term];
      answered = true;
      deckProgress()[card.id] = record(deckProgress()[card.id], result.verdict, Date.now());
      store.save(progress);
      cardBox.dataset.verdict = result.verdict;
      for (const button of cardBox.querySelectorAll(".learn-choice")) {
        button.disabled = true;
        if (button.dataset.term === card.term) button.classList.add("is-answer");
      }
      if (chosenButton && result.verdict !== "right") chosenButton.classList.add("is-wrong");
      const input = cardBox.querySelector("#learn-input");
      if (input) { input.readOnly = true; input.setAttribute("aria-invalid", String(result.verdict !== "right")); }

      const headline = result.verdict === "right" ? text("right")
        : result.verdict === "avoid" ? text("avoid", { form: result.form, reason: result.reason })
          : text("wrong", { answer: result.expected || facts.name });
      const otherLang = lang === "zh" ? "en" : "zh-Hans";
      const more = el("div", { class: "learn-more" },
        el("p", { class: "learn-term" },
          el("a", { href: new URL(facts.url, location.href).href }, facts.name),
          " · ", el("span", { lang: otherLang }, facts.other_name)),
        el("p", { class: "learn-term-summary" }, facts.summary));
      const next = el("button", { type: "button", class: "learn-btn learn-btn--primary learn-next" }, text("next"));
      next.addEventListener("click", ask);
      feedback.replaceChildren(el("p", { class: `learn-verdict is-${result.verdict}` }, headline), more, next);
      showSummary();
      next.focus();
    }

    function onKey(event) {
      if (!current || event.altKey || event.ctrlKey || event.metaKey) return;
      const inTextField = event.target instanceof HTMLInputElement && event.target.type === "text" && !answered;
      if (!answered && current.choices && /^[1-4]$/.test(event.key) && !inTextField) {
        const button = cardBox.querySelectorAll(".learn-choice")[Number(event.key) - 1];
        if (button) { event.preventDefault(); button.click(); }
      } else if (answered && event.key === "Enter" && !(event.target instanceof HTMLButtonElement)
                 && !(event.target instanceof HTMLSelectElement)) {
        event.preventDefault();
        ask();
      }
    }

    function say(message, tone = "info") {
      feedback.replaceChildren(el("p", { class: `learn-verdict is-${tone}` }, message));
    }

    ask();
  }
}

/* localStorage can be missing or full (private windows, quotas): practice
 * still works, and the page says progress will not be kept. */
function openStore(key) {
  let persistent = true;
  try {
    const probe = `${key}.probe`;
    window.localStorage.setItem(probe, "1");
    window.localStorage.removeItem(probe);
  } catch {
    persistent = false;
  }
  return {
    persistent,
    load() {
      if (!persistent) return emptyProgress();
      try {
        const raw = window.localStorage.getItem(key);
        return raw ? importProgress(raw) : emptyProgress();
      } catch {
        return emptyProgress();
      }
    },
    save(progress) {
      if (!persistent) return;
      try { window.localStorage.setItem(key, JSON.stringify(progress)); } catch { /* quota: keep going */ }
    },
  };
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== "" && value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}
