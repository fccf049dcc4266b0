// The reading, in the candidate's words, from the assessment JSON: the verdict (its title
// from the rulebook), the summary, how strongly the signs point their way (the band's
// words), what stands and why, what to do, and what is still open.

import { $, el } from "./dom.js";
import { around, number, t } from "./texts.js";

// open: [{path, title}] of the fields still open; onOpen(path) asks one of them; search:
// the consultation's report of its search (complete, or what it did not finish).
export function renderReading(assessment, { open, settled, onOpen, search }) {
  const standing = assessment.signals.filter((s) => s.strength > 0);
  const parts = [
    el("p", { class: "verdict" },
      el("span", { class: `badge ${assessment.verdict}`, text: assessment.verdict_title }),
      el("span", { class: "muted", text: t("page.reads_so_far") })),
    el("p", { class: "summary", text: assessment.summary }),
  ];
  // How strongly, in the rulebook's words (its band), never as a number, which would read
  // as the odds of an offer; nothing when nothing points the candidate's way.
  if (assessment.band) {
    const [before, after] = around("assessment.strength", "words");
    parts.push(el("p", { class: "strength", id: "strength" },
      before, el("strong", { text: assessment.band.words }),
      `${after} `, el("span", { class: "muted", text: t("assessment.strength_note") })));
  }
  if (standing.length) {
    parts.push(el("h3", { text: t("page.stands") }),
      el("ul", {}, ...standing.map((s) => el("li", {}, el("strong", { text: s.title }), s.explanation))));
  }
  if (assessment.advice.length) {
    parts.push(el("h3", { text: t("page.to_do") }),
      el("ul", { id: "advice" }, ...assessment.advice.map((a) => el("li", { text: a.text }))));
  }
  if (open.length) {
    parts.push(el("h3", { text: t("page.still_open") }),
      el("p", { class: "muted", text: settled ? t("page.open_settled") : t("page.open") }),
      el("ul", { class: "open-list" }, ...open.map(({ path, title }) => el("li", {},
        el("button", { type: "button", class: "linklike", onclick: () => onOpen(path), text: title })))));
  }
  if (search && !search.complete) parts.push(unfinishedNote(search));
  $("reading").replaceChildren(...parts);
}

// A consultation cut short by its time limit says so: its questions and possible readings
// then come from bounds, not from the exact search.
export function unfinishedNote(search) {
  return el("p", { class: "note unfinished", id: "search-note", title: search.unfinished.join(" "),
    text: t("page.not_exact", { seconds: number(search.seconds) }) });
}

// Before the first answer: no reading yet (but a search cut short says so already).
export function clearReading(search = null) {
  // replaceChildren writes a null as the text "null": leave it out instead.
  $("reading").replaceChildren(el("p", { class: "muted", text: t("page.first_reading") }),
    ...(search && !search.complete ? [unfinishedNote(search)] : []));
}
