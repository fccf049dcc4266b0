// "Start from your notes": the candidate pastes notes, the service reads them
// (POST v1/read-notes), and each proposal is shown beside the words it comes from, to keep
// or leave out; what is kept becomes the first answers of the consultation. What the notes
// state is kept unless unticked; what they are unsure of is left out unless ticked.

import * as api from "./api.js";
import { $, el } from "./dom.js";

// The value of a proposal in words, as the questions word their answers.
function valueWords(field, value) {
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (typeof value === "number") return `${value}${field && field.unit ? ` ${field.unit}` : ""}`;
  return String(value);
}

function proposalRow(proposal, index, label) {
  const id = `notes-keep-${index}`;
  const box = el("input", { type: "checkbox", id, "data-path": proposal.path,
    "data-index": String(index) });
  box.checked = proposal.certainty === "stated";
  return el("li", { class: `proposal ${proposal.certainty}` },
    box,
    el("label", { for: id },
      el("strong", { text: `${label(proposal.path)}: ${valueWords(null, proposal.value)}` }),
      " ",
      el("q", { text: proposal.evidence.words }),
      el("span", { class: "muted", text: ` (${proposal.certainty === "stated"
        ? "your notes say so" : `not sure: ${proposal.reason}`})` })));
}

function asideRow(item, label) {
  const value = item.value === null ? "" : `: ${valueWords(null, item.value)}`;
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
      status.textContent = "Paste or write your notes first.";
      return;
    }
    status.textContent = "Reading your notes…";
    try {
      this.reading = await api.readNotes(text);
    } catch (error) {
      status.textContent = `Your notes could not be read: ${error.message}`;
      return;
    }
    this.render();
    const n = this.reading.proposals.length;
    status.textContent = n === 0 ? "Your notes say nothing the reading can record yet."
      : `${n} ${n === 1 ? "thing" : "things"} found in your notes: keep what is right.`;
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
        return { error: `Keep one answer for ${this.label(proposal.path)}, not two.` };
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
      status.textContent = `${n} ${n === 1 ? "answer" : "answers"} taken from your notes; ` +
        "the questions go on from there.";
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
