// One question on screen: its words, "why", the answers to choose from (in the consultation's
// words) or a number to type; reading the answer given; and the screen when none is left.

import { $, el } from "./dom.js";
import { number as written, t } from "./texts.js";

// field: from the schema; asked: the consultation's question on it (answers and why), if any;
// current: the value recorded, if any.
export function renderQuestion({ field, asked, current, why, progress, canGoBack, focus = true }) {
  $("question-error").textContent = "";
  const form = $("question-form");
  form.hidden = false;
  $("done").hidden = true;
  form.dataset.path = field.path;
  renderWhy(why === null || why === undefined ? asked && asked.why : why);
  $("progress").textContent = progress;
  const legend = $("question-legend");
  legend.replaceChildren(el("span", { class: "group-name", text: field.groupTitle }), field.question);
  // "I don't know" is the skip button, in the consultation's words.
  const known = asked ? asked.answers.filter((a) => a.value !== null) : [];
  const dontKnow = asked && asked.answers.find((a) => a.value === null);
  $("skip").textContent = dontKnow ? dontKnow.text : t("page.dont_know");
  const input = $("question-input");
  input.replaceChildren(field.type === "boolean" || field.choices
    ? choices(field, known, current) : number(field, current));
  $("back").disabled = !canGoBack;
  if (focus) legend.focus();
}

// "Why am I asked this?": the consultation's own reason (the signs it feeds, what each answer
// could lead to, or why it is asked first).
function renderWhy(why) {
  const box = $("question-why");
  box.hidden = !why;
  box.replaceChildren(...(why ? [el("details", {}, el("summary", { text: t("page.why") }),
    el("p", { text: why }))] : []));
}

function choices(field, known, current) {
  const options = known.length
    ? known.map((a) => [a.value, a.text])
    : field.choices ? field.choices.map((c) => [c, t(`field.${field.path}.choice.${c}`)])
      : [[true, t("consultation.yes")], [false, t("consultation.no")]];
  const box = el("div", { class: "choices" });
  options.forEach(([value, words], i) => {
    const id = `answer-${i}`;
    const radio = el("input", { type: "radio", name: "answer", id, value: JSON.stringify(value) });
    if (current === value) radio.checked = true;
    box.append(el("label", { class: "choice", for: id }, radio, words));
  });
  return box;
}

// Numbers are typed: the candidate knows the number.
function number(field, current) {
  const id = "answer-number";
  const whole = field.type === "integer";
  const input = el("input", { type: "number", id, name: "answer", inputmode: whole ? "numeric" : "decimal",
    step: whole ? "1" : "any" });
  if (field.minimum !== undefined) input.min = field.minimum;
  if (field.maximum !== undefined) input.max = field.maximum;
  if (current !== undefined) input.value = current;
  const text = field.minimum !== undefined && field.maximum !== undefined
    ? t("page.range", { label: field.title, min: written(field.minimum), max: written(field.maximum) })
    : field.title;
  return el("div", { class: "number" }, el("label", { for: id, text }), input);
}

// {value} or {error}: the answer chosen or typed for `field`.
export function readAnswer(field) {
  if (field.type === "boolean" || field.choices) {
    const checked = document.querySelector('input[name="answer"]:checked');
    if (!checked) return { error: t("page.choose") };
    return { value: JSON.parse(checked.value) };
  }
  const raw = $("answer-number").value.trim();
  if (raw === "") return { error: t("page.enter_number") };
  const value = Number(raw);
  if (!Number.isFinite(value) || (field.type === "integer" && !Number.isInteger(value))) {
    return { error: t(field.type === "integer" ? "page.enter_whole" : "page.enter_any") };
  }
  if ((field.minimum !== undefined && value < field.minimum) ||
      (field.maximum !== undefined && value > field.maximum)) {
    return { error: t("page.enter_range", { min: written(field.minimum), max: written(field.maximum) }) };
  }
  return { value };
}

// No question left: settled (nothing could change the verdict), or only unknowns remain.
export function renderDone({ settled, progress, focus = true }) {
  $("question-error").textContent = "";
  $("question-form").hidden = true;
  const done = $("done");
  done.hidden = false;
  $("done-title").textContent = t(settled ? "page.settled_title" : "page.no_more_title");
  $("done-text").textContent = t(settled ? "page.settled_text" : "page.no_more_text");
  $("progress").textContent = progress;
  if (focus) done.focus();
}
