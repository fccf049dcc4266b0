// "What would make this stronger?": the smallest sets of changes (POST v1/what-if), in words:
// the verdict's title, each field's label and value, and what kind of change it is.

import { $, el } from "./dom.js";
import { t, tOr } from "./texts.js";

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
  body.replaceChildren(el("p", { class: "muted", text: t("page.looking") }));
  let result;
  try {
    result = await load();
  } catch (error) {
    body.replaceChildren(el("p", { class: "error", text: t("page.could_not_answer", { error: error.message }) }));
    return;
  }
  body.replaceChildren(...whatIfParts(result, { titles, changeWords, coach }));
}

function whatIfParts(result, { titles, changeWords, coach }) {
  if (!result.goal.length) return [el("p", { text: t("page.best_already") })];
  const cut = result.search && !result.search.complete;
  if (result.possible === null) {
    return [el("p", { class: "note unfinished", text: t("page.what_if_undecided") })];
  }
  if (result.possible && !result.options.length) {
    return [el("p", { text: cut
      ? t("page.none_in_time", { sizes: result.sizes_searched })
      : t("page.as_asked") })];
  }
  if (!result.possible) {
    return [el("p", { text: t(coach ? "page.nothing_coach" : "page.nothing") })];
  }
  return [
    el("p", { class: "muted", text: t(coach ? "page.smallest_coach" : "page.smallest") }),
    el("ul", { class: "what-if-list" }, ...result.options.map((option) => el("li", {},
      el("span", { class: `badge ${option.verdict}`, text: titles.get(option.verdict) ?? option.verdict }),
      t("page.if"),
      ...option.changes.flatMap((c, i) => [
        i ? (i === option.changes.length - 1 ? t("page.and") : ", ") : "",
        el("span", { class: `kind ${c.kind}`, text: tOr(`page.kind.${c.kind}`, c.kind) }),
        " ", el("span", { class: "change", text: changeWords(c) })])))),
    cut ? el("p", { class: "note unfinished", text: t("page.larger_not_searched") }) : null,
  ].filter((part) => part !== null);
}
