// "Start from your notes": the candidate pastes notes, the service reads them
// (POST v1/read-notes), and each proposal is shown beside the words it comes from, to keep
// or leave out; what is kept becomes the first answers of the consultation. What the notes
// state is kept unless unticked; what they are unsure of is left out unless ticked.

import * as api from "./api.js";
import { $, el } from "./dom.js";
import { count, number, t, tOr } from "./texts.js";

// The unit of a field's number, by the vocabulary's names (interview.actual_minutes,
// thank_you.response_hours); none for a count.
function unitOf(path) {
  const unit = /_(minutes|hours)$/.exec(path);
  return unit ? unit[1] : null;
}

// The value of a proposal in words, as the questions word their answers ("45 minutes").
function valueWords(path, value) {
  if (value === true) return t("consultation.yes");
  if (value === false) return t("consultation.no");
  if (typeof value === "number") {
    const unit = unitOf(path);
    return unit ? count(`unit.${unit}.count`, value) : number(value);
  }
  return tOr(`field.${path}.choice.${value}`, String(value));
}

function proposalRow(proposal, index, label) {
  const id = `notes-keep-${index}`;
  const box = el("input", { type: "checkbox", id, "data-path": proposal.path,
    "data-index": String(index) });
  box.checked = proposal.certainty === "stated";
  return el("li", { class: `proposal ${proposal.certainty}` },
    box,
    el("label", { for: id },
      el("strong", { text: `${label(proposal.path)}: ${valueWords(proposal.path, proposal.value)}` }),
      " ",
      el("q", { text: proposal.evidence.words }),
      el("span", { class: "muted", text: ` (${proposal.certainty === "stated"
        ? t("page.notes_say_so") : t("page.notes_not_sure", { reason: proposal.reason })})` })));
}

function asideRow(item, label) {
  const value = item.value === null ? "" : `: ${valueWords(item.path, item.value)}`;
  return el("li", {}, `${label(item.path)}${value} `, el("q", { text: item.evidence.words }),
    el("span", { class: "muted", text: ` (${item.reason})` }));
}

export class NotesBox {
  // `label(path)` words a field; `use(answers)` starts the consultation from them and
  // resolves to false (the error shown by the page) when the service refuses them.
  constructor({ label, use }) {
    this.label = label;
    this.use = use;
    this.reading = null;
  }

  async read() {
    const text = $("notes-text").value;
    const status = $("notes-status");
    if (!text.trim()) {
      status.textContent = t("page.notes_empty");
      return;
    }
    status.textContent = t("page.notes_reading");
    try {
      this.reading = await api.readNotes(text);
    } catch (error) {
      status.textContent = t("page.notes_failed", { error: error.message });
      return;
    }
    this.render();
    const n = this.reading.proposals.length;
    status.textContent = n === 0 ? t("notes.nothing") : count("page.notes_found", n);
  }

  render() {
    const list = $("notes-proposals");
    list.replaceChildren(...this.reading.proposals.map((p, i) => proposalRow(p, i, this.label)));
    const aside = $("notes-aside");
    aside.replaceChildren(...this.reading.set_aside.map((s) => asideRow(s, this.label)));
    $("notes-aside-box").hidden = this.reading.set_aside.length === 0;
    $("notes-result").hidden = false;
    $("notes-use").hidden = this.reading.proposals.length === 0;
  }

  // The ticked proposals as answers (a Map path -> value); an error when two ticked ones
  // disagree on a field.
  kept() {
    const answers = new Map();
    for (const box of $("notes-proposals").querySelectorAll("input[type=checkbox]")) {
      if (!box.checked) continue;
      const proposal = this.reading.proposals[Number(box.dataset.index)];
      if (answers.has(proposal.path) && answers.get(proposal.path) !== proposal.value) {
        return { error: t("page.notes_two", { label: this.label(proposal.path) }) };
      }
      answers.set(proposal.path, proposal.value);
    }
    return { answers };
  }

  async useKept() {
    const status = $("notes-status");
    const { answers, error } = this.kept();
    if (error) {
      status.textContent = error;
      return;
    }
    if (await this.use(answers)) {
      const n = answers.size;
      status.textContent = count("page.notes_taken", n);
    }
  }

  listen() {
    $("notes-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.read();
    });
    $("notes-use").addEventListener("click", () => this.useKept());
  }
}
