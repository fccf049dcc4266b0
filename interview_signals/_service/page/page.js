// interview-signals page: asks the observation questions one at a time and shows the
// reading after each answer. Plain JavaScript, no build step, no network but this service.
//
// Parts, so that later versions change one part each:
//   api        the HTTP calls (relative URLs, so the app can be mounted under any prefix)
//   fields     the questions, read from the observation schema (title, description, type)
//   order      which question comes next: the consultation's (POST v1/consult), which
//              also gives "why", the reading, and whether the verdict is settled
//   state      the answers, the skipped fields and the history for "Back"
//   render*    the question, the reading (candidate's words) and the coach's view
"use strict";

const SESSION_FORMAT = "interview-signals/session";
const SESSION_VERSION = 1;
const WHAT_IF_LIMIT = 5; // the smallest change sets shown; more would bury the first ones
const VERDICT_WORDS = {
  strong: "Strong",
  promising: "Promising",
  tentative: "Tentative",
  inconclusive: "Not clear yet",
};

// ---------------------------------------------------------------------------------------
const api = {
  async json(path, options) {
    const response = await fetch(path, options);
    const body = await response.json().catch(() => null);
    if (!response.ok) {
      const error = new Error((body && body.detail) || `the service answered ${response.status}`);
      error.status = response.status;
      error.problems = (body && body.problems) || [];
      throw error;
    }
    return body;
  },
  schema(name) {
    return api.json(`v1/schema/${name}`);
  },
  assess(observations, { trace = false } = {}) {
    return api.json(`v1/assess${trace ? "?trace=true" : ""}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(observations),
    });
  },
  consult(observations, skipped, { trace = false } = {}) {
    const query = new URLSearchParams();
    if (trace) query.append("trace", "true");
    for (const path of skipped) query.append("skip", path);
    const text = query.toString();
    return api.json(`v1/consult${text ? `?${text}` : ""}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(observations),
    });
  },
  whatIf(observations, { includeFixed = false, limit = WHAT_IF_LIMIT } = {}) {
    return api.json(`v1/what-if?limit=${limit}${includeFixed ? "&include_fixed=true" : ""}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(observations),
    });
  },
};

// ---------------------------------------------------------------------------------------
// Fields and their rules, from the observation schema.
function readFields(schema) {
  const fields = [];
  for (const [group, groupSchema] of Object.entries(schema.properties)) {
    for (const [name, field] of Object.entries(groupSchema.properties)) {
      fields.push({
        path: `${group}.${name}`,
        group,
        name,
        groupTitle: groupSchema.title,
        title: field.title,
        question: field["x-question"] || field.description,
        description: field.description,
        // A field's type is [its type, "null"]: null means unknown, which "Don't know" says.
        type: [].concat(field.type).find((t) => t !== "null"),
        choices: field.enum ? field.enum.filter((c) => c !== null) : null,
        minimum: field.minimum,
        maximum: field.maximum,
      });
    }
  }
  return fields;
}

// The prerequisites the schema states as if/then rules: a dependent field is not asked
// while its prerequisite is false.
function readPrerequisites(schema) {
  const rules = [];
  for (const rule of schema.allOf || []) {
    if (!rule.if || !rule.then) continue;
    const [pg, pf] = onlyPath(rule.if);
    const [dg, df] = onlyPath(rule.then);
    if (pg && dg) rules.push({ dependent: `${dg}.${df}`, prerequisite: `${pg}.${pf}` });
  }
  return rules;
}

function onlyPath(part) {
  const group = Object.keys(part.properties || {})[0];
  if (!group) return [null, null];
  const name = Object.keys(part.properties[group].properties || {})[0];
  return [group, name];
}

// ---------------------------------------------------------------------------------------
const state = {
  fields: [],
  byPath: {},
  prerequisites: [],
  answers: {}, // path -> value
  skipped: new Set(),
  history: [], // paths asked, in order, for Back
  current: null, // path on screen, or null when every question is done
  coach: false,
  lastReading: null,
  consultation: null, // the last answer of POST v1/consult
  steps: 0, // answers of POST v1/consult so far (body[data-step], for tests)
  questions: {}, // path -> the consultation's last Question for it (answers, why)
};

function observationsOf(answers) {
  const out = {};
  for (const field of state.fields) {
    if (field.path in answers) {
      (out[field.group] = out[field.group] || {})[field.name] = answers[field.path];
    }
  }
  return out;
}

function blocked(path) {
  return state.prerequisites.some(
    (r) => r.dependent === path && state.answers[r.prerequisite] === false,
  );
}

// The question order: the consultation's. Its first question is the one that tells most
// about the verdict; known and skipped fields are never asked; when the verdict is settled
// no question is left. Returns {path, why} or null when nothing is left.
const consultationOrder = {
  async next() {
    const consultation = state.consultation;
    if (!consultation) return null;
    const question = consultation.questions.find(
      (q) => !(q.path in state.answers) && !state.skipped.has(q.path));
    if (!question) return null;
    const need = unansweredNeed(question.path);
    if (need) {
      const title = state.byPath[question.path].title.toLowerCase();
      return { path: need, why: `Asked first, because the next question (${title}) only ` +
        "applies if the answer to this one is yes." };
    }
    return { path: question.path, why: question.why };
  },
};

// A question that only applies when another field is true (how a reply read needs a reply,
// which needs a note sent) comes after that field's question. The consultation does not
// rank that field (once every field is answered, a reply's details already say a reply
// came), but a person asked how a reply read before whether one came would be puzzled, and
// a "No" makes the questions on the reply moot at once. The same as `ask` at the terminal.
function unansweredNeed(path) {
  for (const r of state.prerequisites) {
    if (r.dependent !== path) continue;
    const need = r.prerequisite;
    if (!(need in state.answers) && !state.skipped.has(need)) return unansweredNeed(need) || need;
  }
  return null;
}
const order = consultationOrder;

// ---------------------------------------------------------------------------------------
const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function answerWords(field, value) {
  if (value === true) return "Yes";
  if (value === false) return "No";
  if (field && field.choices) {
    for (const q of Object.values(state.questions)) {
      const a = q.path === field.path && q.answers.find((x) => x.value === value);
      if (a) return a.text;
    }
  }
  return String(value);
}

function renderDone() {
  const consultation = state.consultation;
  const settled = consultation && consultation.settled;
  $("done-title").textContent = settled ? "Your reading is settled" : "No more questions you can answer";
  $("done-text").textContent = settled
    ? "No answer to the questions left could change the verdict, so there is nothing more to ask. " +
      "Save the session if you want to keep it."
    : "The questions left could still change the verdict, but you did not know the answers. " +
      "Save the session, and come back when you know more (for example when the interviewer " +
      "replies to your thank-you note).";
}

function renderQuestion(path, { focus = true, why = null } = {}) {
  state.current = path;
  $("question-error").textContent = "";
  const form = $("question-form");
  const done = $("done");
  if (path === null) {
    form.hidden = true;
    done.hidden = false;
    renderDone();
    $("progress").textContent = `${Object.keys(state.answers).length} answered, ` +
      `${state.skipped.size} not known`;
    if (focus) done.focus();
    return;
  }
  form.hidden = false;
  done.hidden = true;
  form.dataset.path = path;
  const field = state.byPath[path];
  const asked = state.questions[path];
  if (why === null && asked) why = asked.why;
  // "Why am I asked this?": the consultation's own reason (signs fed, and what each answer
  // could lead to).
  const whyBox = $("question-why");
  whyBox.hidden = !why;
  whyBox.replaceChildren(...(why ? [el("details", {}, el("summary", { text: "Why am I asked this?" }),
    el("p", { text: why }))] : []));
  const open = state.consultation ? state.consultation.questions.length : 0;
  $("progress").textContent = `${Object.keys(state.answers).length} answered · ` +
    `${open} ${open === 1 ? "question" : "questions"} could still change the reading`;
  const legend = $("question-legend");
  legend.replaceChildren(el("span", { class: "group-name", text: field.groupTitle }),
    field.question);
  const current = state.answers[path];
  const input = $("question-input");
  input.replaceChildren();
  // The consultation's answers, in its words ("Warm", "Like an automatic acknowledgement");
  // "I don't know" is the skip button. Numbers are typed: the candidate knows the number.
  const known = asked ? asked.answers.filter((a) => a.value !== null) : [];
  const dontKnow = asked && asked.answers.find((a) => a.value === null);
  $("skip").textContent = dontKnow ? dontKnow.text : "I don't know";
  if (field.type === "boolean" || field.choices) {
    const options = known.length && (field.type === "boolean" || field.choices)
      ? known.map((a) => [a.value, a.text])
      : field.choices ? field.choices.map((c) => [c, c]) : [[true, "Yes"], [false, "No"]];
    const box = el("div", { class: "choices" });
    options.forEach(([value, words], i) => {
      const id = `answer-${i}`;
      const radio = el("input", { type: "radio", name: "answer", id, value: JSON.stringify(value) });
      if (current === value) radio.checked = true;
      box.append(el("label", { class: "choice", for: id }, radio, words));
    });
    input.append(box);
  } else {
    const id = "answer-number";
    const number = el("input", {
      type: "number", id, name: "answer", inputmode: field.type === "integer" ? "numeric" : "decimal",
      step: field.type === "integer" ? "1" : "any",
    });
    if (field.minimum !== undefined) number.min = field.minimum;
    if (field.maximum !== undefined) number.max = field.maximum;
    if (current !== undefined) number.value = current;
    const range = field.minimum !== undefined && field.maximum !== undefined
      ? ` (${field.minimum} to ${field.maximum})` : "";
    input.append(el("div", { class: "number" }, el("label", { for: id, text: `${field.title}${range}` }), number));
  }
  $("back").disabled = state.history.length === 0;
  if (focus) legend.focus();
}

function readAnswer() {
  const field = state.byPath[state.current];
  if (field.type === "boolean" || field.choices) {
    const checked = document.querySelector('input[name="answer"]:checked');
    if (!checked) return { error: "Choose an answer, or press Don't know." };
    return { value: JSON.parse(checked.value) };
  }
  const raw = $("answer-number").value.trim();
  if (raw === "") return { error: "Enter a number, or press Don't know." };
  const value = Number(raw);
  if (!Number.isFinite(value) || (field.type === "integer" && !Number.isInteger(value))) {
    return { error: `Enter ${field.type === "integer" ? "a whole number" : "a number"}.` };
  }
  if ((field.minimum !== undefined && value < field.minimum) ||
      (field.maximum !== undefined && value > field.maximum)) {
    return { error: `Enter a number from ${field.minimum} to ${field.maximum}.` };
  }
  return { value };
}

// ---------------------------------------------------------------------------------------
// The reading, in the candidate's words, from the assessment JSON.
function renderReading(assessment) {
  const reading = $("reading");
  const standing = assessment.signals.filter((s) => s.strength > 0);
  const parts = [
    el("p", { class: "verdict" },
      el("span", { class: `badge ${assessment.verdict}`, text: VERDICT_WORDS[assessment.verdict] || assessment.verdict }),
      el("span", { class: "muted", text: "how the interview reads so far" })),
    el("p", { class: "summary", text: assessment.summary }),
  ];
  if (standing.length) {
    parts.push(el("h3", { text: "What stands, and why" }),
      el("ul", {}, ...standing.map((s) => el("li", {}, el("strong", { text: s.title }), s.explanation))));
  }
  if (assessment.advice.length) {
    parts.push(el("h3", { text: "What to do" }),
      el("ul", { id: "advice" }, ...assessment.advice.map((a) => el("li", { text: a.text }))));
  }
  const open = [...new Set(assessment.missing.flatMap((m) => m.fields))]
    .filter((p) => state.byPath[p] && !(p in state.answers));
  if (open.length) {
    parts.push(el("h3", { text: "Still open" }),
      el("p", { class: "muted", text: state.consultation && state.consultation.settled
        ? "These could add to the reading, but no answer to them would change the verdict:"
        : "Answers to these could change the reading:" }),
      el("ul", { class: "open-list" }, ...open.map((p) => el("li", {},
        el("button", { type: "button", class: "linklike", onclick: () => goTo(p), text: state.byPath[p].title })))));
  }
  reading.replaceChildren(...parts);
}

function renderCoach(assessment) {
  const body = $("coach-body");
  const rows = assessment.signals.map((s) => el("tr", {},
    el("td", {}, el("code", { text: s.rule })),
    el("td", { text: s.title }),
    el("td", { text: s.base_strength === s.strength ? `${s.strength}` : `${s.base_strength} → ${s.strength}` }),
    el("td", { text: s.qualifiers.map((q) => `${q.effect} ${q.amount} (${q.id})`).join("; ") || "—" }),
    el("td", { text: `sign ${s.source.sign}` })));
  const trace = (assessment.trace || []).map((f) => el("li", {},
    el("code", { text: f.rule }), ` (${f.kind}) matched `,
    f.matched.map((m) => (m.kind === "observation" ? `${m.path} = ${m.value}` : `${m.kind} ${m.id}`)).join(", ") || "nothing",
    f.asserted.length ? ` → ${f.asserted.map((a) => a.id).join(", ")}` : ""));
  body.replaceChildren(
    el("p", {}, "Verdict ", el("code", { text: assessment.verdict }), `, confidence ${assessment.confidence}`),
    ...consultationDetail(),
    el("h4", { text: "Signals and strengths" }),
    rows.length ? el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ...["Rule", "Signal", "Strength", "Qualifiers", "Source"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows))) : el("p", { class: "muted", text: "No signal yet." }),
    el("h4", { text: "Advice rules" }),
    el("ul", {}, ...assessment.advice.map((a) => el("li", {}, el("code", { text: a.rule }), ` (sign ${a.sign})`))),
    el("h4", { text: "Trace" }),
    el("ol", { id: "trace" }, ...trace));
}

// The consultation's part of the coach's view: the verdicts still reachable and the
// sufficient reason (the fewest recorded answers that already force the verdict).
function consultationDetail() {
  const c = state.consultation;
  if (!c) return [];
  const label = (p) => (state.byPath[p] ? state.byPath[p].title : p);
  const out = [el("p", { id: "reachable" }, "Verdicts still reachable: ",
    ...c.reachable.flatMap((v, i) => [i ? ", " : "", el("code", { text: v })]),
    c.settled ? " (settled)" : "")];
  if (c.sufficient_reason && c.sufficient_reason.length) {
    out.push(el("p", { id: "sufficient-reason" },
      "Enough on their own to give this verdict, whatever the rest: ",
      c.sufficient_reason.map(label).join("; "), "."));
  }
  return out;
}

async function refresh() {
  try {
    const consultation = await api.consult(observationsOf(state.answers), [...state.skipped],
      { trace: state.coach });
    state.consultation = consultation;
    for (const q of consultation.questions) state.questions[q.path] = q;
    const assessment = consultation.assessment;
    state.lastReading = assessment;
    renderReading(assessment);
    if (state.coach) renderCoach(assessment);
    closeWhatIf();
    document.body.dataset.verdict = assessment.verdict;
    document.body.dataset.settled = String(consultation.settled);
    state.steps += 1;
    document.body.dataset.step = String(state.steps);
    return true;
  } catch (error) {
    $("question-error").textContent = `The service refused these answers: ${error.message}`;
    return false;
  }
}

// ---------------------------------------------------------------------------------------
async function advance() {
  const next = await order.next();
  renderQuestion(next ? next.path : null, { why: next ? next.why : null });
}

function goTo(path) {
  if (state.current !== null && state.current !== path) state.history.push(state.current);
  renderQuestion(path);
}

async function answer(value) {
  const path = state.current;
  const before = { ...state.answers };
  if (value === undefined) {
    delete state.answers[path];
    state.skipped.add(path);
  } else {
    state.answers[path] = value;
    state.skipped.delete(path);
    // A false prerequisite makes its dependents unanswerable: drop what they held.
    if (value === false) {
      for (const r of state.prerequisites) if (r.prerequisite === path) delete state.answers[r.dependent];
    }
  }
  const skippedBefore = new Set(state.skipped);
  if (!(await refresh())) {
    state.answers = before;
    state.skipped = skippedBefore;
    return;
  }
  state.history.push(path);
  await advance();
}

function back() {
  const previous = state.history.pop();
  if (previous !== undefined) renderQuestion(previous);
}

// ---------------------------------------------------------------------------------------
function saveSession() {
  const session = { format: SESSION_FORMAT, version: SESSION_VERSION, observations: observationsOf(state.answers) };
  // "I don't know" stays said when the session is loaded again (as `ask` saves it too).
  if (state.skipped.size) session.skipped = [...state.skipped];
  const blob = new Blob([JSON.stringify(session, null, 2) + "\n"], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: "interview-session.json" });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  $("session-status").textContent = "Session saved as interview-session.json.";
}

async function loadSession(file) {
  const status = $("session-status");
  let session;
  try {
    session = JSON.parse(await file.text());
  } catch {
    status.textContent = `${file.name} is not a saved session (not JSON).`;
    return;
  }
  if (!session || session.format !== SESSION_FORMAT || session.version !== SESSION_VERSION ||
      typeof session.observations !== "object") {
    status.textContent = `${file.name} is not a saved session of this page.`;
    return;
  }
  const answers = {};
  for (const [group, fields] of Object.entries(session.observations)) {
    for (const [name, value] of Object.entries(fields || {})) answers[`${group}.${name}`] = value;
  }
  const before = state.answers;
  const skippedBefore = state.skipped;
  state.answers = answers;
  state.skipped = new Set(Array.isArray(session.skipped)
    ? session.skipped.filter((p) => typeof p === "string" && p in state.byPath) : []);
  if (!(await refresh())) {
    state.answers = before;
    state.skipped = skippedBefore;
    status.textContent = `${file.name} could not be read: ${$("question-error").textContent}`;
    return;
  }
  state.history = [];
  status.textContent = `Loaded ${file.name}: ${Object.keys(answers).length} answers.`;
  await advance();
}

async function restart() {
  state.answers = {};
  state.skipped = new Set();
  state.history = [];
  await refresh();
  $("reading").replaceChildren(el("p", { class: "muted", text: "Answer a question to see the first reading." }));
  $("coach-body").replaceChildren();
  $("session-status").textContent = "Started again.";
  await advance();
}

// ---------------------------------------------------------------------------------------
// "What would make this stronger?": the smallest sets of changes (POST v1/what-if), in
// words: the field's label, the value, and what kind of change it is.
const KIND_WORDS = {
  find_out: "find out",
  do: "something you can still do",
  had: "had it gone differently",
};

function closeWhatIf() {
  const panel = $("what-if");
  if (panel && panel.open) panel.open = false;
  $("what-if-body").replaceChildren();
}

function changeWords(change) {
  const field = state.byPath[change.path];
  const label = field ? field.title : change.path;
  // A number stands for its whole answer class (say, any reply within a day): "for example".
  const number = typeof change.value === "number";
  return `${label}: ${number ? "for example " : ""}${answerWords(field, change.value)}`;
}

async function fillWhatIf() {
  const body = $("what-if-body");
  body.replaceChildren(el("p", { class: "muted", text: "Looking…" }));
  let result;
  try {
    result = await api.whatIf(observationsOf(state.answers), { includeFixed: state.coach });
  } catch (error) {
    body.replaceChildren(el("p", { class: "error", text: `The service could not answer: ${error.message}` }));
    return;
  }
  if (!result.goal.length) {
    body.replaceChildren(el("p", { text: "This is already the best reading there is." }));
    return;
  }
  if (result.possible && !result.options.length) {
    body.replaceChildren(el("p", { text: "The reading already is as strong as asked." }));
    return;
  }
  if (!result.possible) {
    body.replaceChildren(el("p", { text: state.coach
      ? "Nothing reaches a better reading, not even a different past."
      : "Nothing you can still find out or do would reach a better reading." }));
    return;
  }
  body.replaceChildren(
    el("p", { class: "muted", text: state.coach
      ? "The smallest changes that give a better reading (for a coach, also what could have gone differently):"
      : "The smallest changes that give a better reading:" }),
    el("ul", { class: "what-if-list" }, ...result.options.map((option) => el("li", {},
      el("span", { class: `badge ${option.verdict}`, text: VERDICT_WORDS[option.verdict] || option.verdict }),
      " if ",
      ...option.changes.flatMap((c, i) => [
        i ? (i === option.changes.length - 1 ? " and " : ", ") : "",
        el("span", { class: `kind ${c.kind}`, text: KIND_WORDS[c.kind] || c.kind }),
        " ", el("span", { class: "change", text: changeWords(c) })])))));
}

async function toggleCoach() {
  state.coach = !state.coach;
  $("coach-toggle").setAttribute("aria-pressed", String(state.coach));
  $("coach").hidden = !state.coach;
  if (state.coach) await refresh();
}

async function start() {
  const schema = await api.schema("observations");
  state.fields = readFields(schema);
  state.byPath = Object.fromEntries(state.fields.map((f) => [f.path, f]));
  state.prerequisites = readPrerequisites(schema);
  $("question-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const read = readAnswer();
    if (read.error) {
      $("question-error").textContent = read.error;
      return;
    }
    answer(read.value);
  });
  $("skip").addEventListener("click", () => answer(undefined));
  $("back").addEventListener("click", back);
  $("review").addEventListener("click", () => {
    const first = state.history[state.history.length - 1];
    renderQuestion(first !== undefined ? first : state.fields[0].path);
  });
  $("coach-toggle").addEventListener("click", toggleCoach);
  $("save").addEventListener("click", saveSession);
  $("load").addEventListener("change", (event) => {
    const file = event.target.files[0];
    if (file) loadSession(file);
    event.target.value = "";
  });
  $("restart").addEventListener("click", restart);
  $("what-if").addEventListener("toggle", () => {
    if ($("what-if").open) fillWhatIf();
  });
  if (!(await refresh())) throw new Error($("question-error").textContent);
  $("reading").replaceChildren(el("p", { class: "muted", text: "Answer a question to see the first reading." }));
  await advance();
  document.body.dataset.ready = "true";
}

start().catch((error) => {
  $("question-error").textContent = `The page could not start: ${error.message}`;
});
