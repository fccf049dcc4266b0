// interview-signals page: asks the consultation's questions one at a time and shows the
// reading after each answer. ES modules, no build step, no network but this service.
//
// One job per module, so that later versions change one module each:
//   api.js           the HTTP calls
//   fields.js        the fields and their prerequisites, read from the observation schema
//   consultation.js  the consultation's state: answers, skips, what it said last, the way back
//   question.js      one question on screen, the answer given, the screen when none is left
//   reading.js       the reading, in the candidate's words
//   whatif.js        "What would make this stronger?"
//   coach.js         the coach's view
//   session-file.js  the session file: save and load
//   notes.js         "Start from your notes": read them, keep what is right
//   texts.js         the page's words in its language (GET v1/texts)
//   main.js          this file: starts the page and ties the parts to its buttons
// The words for verdicts are the rulebook's titles (GET v1/rules, and each assessment's
// verdict_title); which question comes next, and why, is the consultation's own answer.

import * as api from "./api.js";
import { ConsultationState } from "./consultation.js";
import { clearCoach, renderCoach } from "./coach.js";
import { $ } from "./dom.js";
import { openNeed, readFields, readPrerequisites } from "./fields.js";
import { NotesBox } from "./notes.js";
import { readAnswer, renderDone, renderQuestion } from "./question.js";
import { clearReading, renderReading } from "./reading.js";
import { download, FILE_NAME, readSessionFile, savedSession } from "./session-file.js";
import { count, number, setTexts, t } from "./texts.js";
import { closeWhatIf, fillWhatIf } from "./whatif.js";

class Page {
  constructor(fields, prerequisites, sessionSchema, verdicts) {
    this.fields = fields;
    this.byPath = new Map(fields.map((f) => [f.path, f]));
    this.sessionSchema = sessionSchema;
    this.titles = new Map(verdicts.map((v) => [v.id, v.title]));
    this.state = new ConsultationState(fields, prerequisites);
    this.current = null; // the path on screen, or null when no question is left
    this.coach = false;
    this.notes = new NotesBox({ label: (p) => this.label(p), use: (a) => this.startFrom(a) });
  }

  // Start the consultation from answers taken from the notes (a Map path -> value), on top
  // of those given so far.
  async startFrom(answers) {
    const merged = new Map([...this.state.answers, ...answers]);
    const skipped = new Set([...this.state.skipped].filter((p) => !answers.has(p)));
    if (!(await this.consult(() => this.state.replace(merged, skipped, this.options)))) {
      return false;
    }
    this.state.history = [];
    this.advance();
    return true;
  }

  // Ask the consultation again and show what it says; false (and the error shown) when the
  // service refuses the answers. `change` makes the change first (undone if refused).
  async consult(change = () => this.state.refresh(this.options)) {
    let consultation;
    try {
      consultation = await change();
    } catch (error) {
      $("question-error").textContent = t("page.refused", { error: error.message });
      return false;
    }
    this.showConsultation(consultation);
    return true;
  }

  get options() {
    return { trace: this.coach };
  }

  showConsultation(consultation) {
    const assessment = consultation.assessment;
    // Each open field, or what it depends on while that is open (a note before a reply).
    const answers = this.state.answers;
    const open = [...new Set(assessment.missing.flatMap((m) => m.fields)
      .map((p) => openNeed(p, answers, this.state.prerequisites) || p))]
      .filter((p) => this.byPath.has(p) && !answers.has(p))
      .map((path) => ({ path, title: this.byPath.get(path).title }));
    renderReading(assessment, { open, settled: consultation.settled, onOpen: (p) => this.goTo(p),
      search: consultation.search });
    if (this.coach) renderCoach(assessment, consultation, (p) => this.label(p));
    closeWhatIf();
    document.body.dataset.verdict = assessment.verdict;
    document.body.dataset.settled = String(consultation.settled);
    document.body.dataset.step = String(this.state.steps);
  }

  label(path) {
    return this.byPath.has(path) ? this.byPath.get(path).title : path;
  }

  // The consultation's next question (its own why included), or the screen that says none
  // is left.
  advance() {
    const next = this.state.next();
    this.show(next ? next.path : null, { why: next ? next.why : null });
  }

  show(path, { focus = true, why = null } = {}) {
    this.current = path;
    const answered = this.state.answers.size;
    if (path === null) {
      renderDone({ settled: Boolean(this.state.last && this.state.last.settled), focus,
        progress: t("page.done_progress", { answered, unknown: this.state.skipped.size }) });
      return;
    }
    const open = this.state.openCount;
    renderQuestion({ field: this.byPath.get(path), asked: this.state.asked.get(path), why, focus,
      current: this.state.answers.get(path), canGoBack: this.state.history.length > 0,
      progress: count("page.progress", open, { answered }) });
  }

  goTo(path) {
    if (this.current !== null && this.current !== path) this.state.history.push(this.current);
    this.show(path);
  }

  async answer(value) {
    if (await this.consult(() => this.state.answer(this.current, value, this.options))) this.advance();
  }

  back() {
    const previous = this.state.back();
    if (previous !== undefined) this.show(previous);
  }

  review() {
    const last = this.state.history[this.state.history.length - 1];
    this.show(last !== undefined ? last : this.fields[0].path);
  }

  async toggleCoach() {
    this.coach = !this.coach;
    $("coach-toggle").setAttribute("aria-pressed", String(this.coach));
    $("coach").hidden = !this.coach;
    if (this.coach) await this.consult();
  }

  async save() {
    const status = $("session-status");
    try {
      download(await savedSession(this.sessionSchema, this.state.observations, [...this.state.skipped]));
    } catch (error) {
      status.textContent = t("page.not_saved", { error: error.message });
      return;
    }
    status.textContent = t("page.saved", { file: FILE_NAME });
  }

  async load(file) {
    const status = $("session-status");
    let saved;
    try {
      saved = await readSessionFile(file);
    } catch (error) {
      status.textContent = t("page.not_loaded", { file: file.name, error: error.message });
      return;
    }
    if (!(await this.consult(() => this.state.replace(saved.answers, saved.skipped, this.options)))) {
      status.textContent = t("page.not_loaded", { file: file.name, error: $("question-error").textContent });
      return;
    }
    this.state.history = [];
    status.textContent = count("page.loaded", saved.answers.size, { file: file.name });
    this.advance();
  }

  async restart() {
    this.state.history = [];
    await this.consult(() => this.state.replace(new Map(), new Set(), this.options));
    clearReading(this.state.last && this.state.last.search);
    clearCoach();
    $("session-status").textContent = t("page.started_again");
    this.advance();
  }

  whatIf() {
    return fillWhatIf({
      load: () => api.whatIf(this.state.observations, { includeFixed: this.coach }),
      titles: this.titles, coach: this.coach, changeWords: (c) => this.changeWords(c) });
  }

  // A change in words: the field's label and the value, as the consultation words its answers.
  // A number stands for its whole answer class (say, any reply within a day): "for example".
  changeWords(change) {
    const asked = this.state.asked.get(change.path);
    const answer = asked && asked.answers.find((a) => a.value === change.value);
    const value = change.value === true || change.value === false
      ? (answer ? answer.text : t(change.value ? "consultation.yes" : "consultation.no"))
      : typeof change.value === "number" ? t("page.for_example", { value: number(change.value) })
        : answer ? answer.text : t(`field.${change.path}.choice.${change.value}`);
    return `${this.label(change.path)}: ${value}`;
  }

  listen() {
    this.notes.listen();
    $("question-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const read = readAnswer(this.byPath.get(this.current));
      if (read.error) $("question-error").textContent = read.error;
      else this.answer(read.value);
    });
    $("skip").addEventListener("click", () => this.answer(undefined));
    $("back").addEventListener("click", () => this.back());
    $("review").addEventListener("click", () => this.review());
    $("coach-toggle").addEventListener("click", () => this.toggleCoach());
    $("save").addEventListener("click", () => this.save());
    $("load").addEventListener("change", (event) => {
      const file = event.target.files[0];
      if (file) this.load(file);
      event.target.value = "";
    });
    $("restart").addEventListener("click", () => this.restart());
    $("what-if").addEventListener("toggle", () => {
      if ($("what-if").open) this.whatIf();
    });
  }
}

async function start() {
  const [observations, session, rules, texts] = await Promise.all(
    [api.schema("observations"), api.schema("session"), api.rules(), api.texts()]);
  setTexts(texts.texts);
  const page = new Page(readFields(observations), readPrerequisites(observations), session, rules.verdicts);
  page.listen();
  if (!(await page.consult())) throw new Error($("question-error").textContent);
  clearReading(page.state.last && page.state.last.search);
  page.advance();
  document.body.dataset.ready = "true";
}

start().catch((error) => {
  $("question-error").textContent = t("page.could_not_start", { error: error.message });
});
