// "What would make this stronger?": the smallest sets of changes (POST v1/what-if), in words:
// the verdict's title, each field's label and value, and what kind of change it is.

import { $, el } from "./dom.js";

const KIND_WORDS = new Map([
  ["find_out", "find out"],
  ["do", "something you can still do"],
  ["had", "had it gone differently"],
]);

export function closeWhatIf() {
  const panel = $("what-if");
  if (panel && panel.open) panel.open = false;
  $("what-if-body").replaceChildren();
}

// load(): the what-if JSON; titles: a Map verdict id -> title (ids are data, never looked
// up as properties); changeWords(change): a change in
// words; coach: whether changes to what already happened are included.
export async function fillWhatIf({ load, titles, changeWords, coach }) {
  const body = $("what-if-body");
  body.replaceChildren(el("p", { class: "muted", text: "Looking…" }));
  let result;
  try {
    result = await load();
  } catch (error) {
    body.replaceChildren(el("p", { class: "error", text: `The service could not answer: ${error.message}` }));
    return;
  }
  body.replaceChildren(...whatIfParts(result, { titles, changeWords, coach }));
}

function whatIfParts(result, { titles, changeWords, coach }) {
  if (!result.goal.length) return [el("p", { text: "This is already the best reading there is." })];
  const cut = result.search && !result.search.complete;
  if (result.possible === null) {
    return [el("p", { class: "note unfinished", text: "The search ran out of time before it could tell "
      + "whether any change would give a better reading." })];
  }
  if (result.possible && !result.options.length) {
    return [el("p", { text: cut
      ? `No change found within the time limit (every set of up to ${result.sizes_searched} changes was searched).`
      : "The reading already is as strong as asked." })];
  }
  if (!result.possible) {
    return [el("p", { text: coach
      ? "Nothing reaches a better reading, not even a different past."
      : "Nothing you can still find out or do would reach a better reading." })];
  }
  return [
    el("p", { class: "muted", text: coach
      ? "The smallest changes that give a better reading (for a coach, also what could have gone differently):"
      : "The smallest changes that give a better reading:" }),
    el("ul", { class: "what-if-list" }, ...result.options.map((option) => el("li", {},
      el("span", { class: `badge ${option.verdict}`, text: titles.get(option.verdict) ?? option.verdict }),
      " if ",
      ...option.changes.flatMap((c, i) => [
        i ? (i === option.changes.length - 1 ? " and " : ", ") : "",
        el("span", { class: `kind ${c.kind}`, text: KIND_WORDS.get(c.kind) ?? c.kind }),
        " ", el("span", { class: "change", text: changeWords(c) })])))),
    cut ? el("p", { class: "note unfinished", text: "The search stopped at its time limit: each of these "
      + "is as small as it can be, but larger sets were not all searched, so better ones may exist." }) : null,
  ].filter((part) => part !== null);
}
