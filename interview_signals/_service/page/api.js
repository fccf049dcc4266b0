// The service's HTTP API, as the page uses it. Relative URLs, so the app can be mounted under
// any prefix. A refused request throws an Error with the service's `detail`, its `status` and
// its `problems` (each with path, expected, got and message). Every call asks in the page's
// own language (the `lang` of its <html>, which the service chose), so one page never mixes
// two languages.

const LANG = document.documentElement.lang || "en";

function inLanguage(path) {
  return `${path}${path.includes("?") ? "&" : "?"}lang=${encodeURIComponent(LANG)}`;
}

async function json(path, options) {
  const response = await fetch(inLanguage(path), options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((body && body.detail) || `the service answered ${response.status}`);
    error.status = response.status;
    error.problems = (body && body.problems) || [];
    throw error;
  }
  return body;
}

function post(path, body) {
  return json(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
}

// A JSON Schema of the contract: "observations", "session", …
export function schema(name) {
  return json(`v1/schema/${name}`);
}

// The rulebook in words: its rules, and its verdicts best first, each with its title.
export function rules() {
  return json("v1/rules");
}

// The page's words, the vocabulary's and the units', by key, in the page's language.
export function texts() {
  return json("v1/texts");
}

// One consultation step: the reading now, the question to ask first (if any) and the
// questions that matter; `skipped` fields are never asked again.
export function consult(observations, skipped, { trace = false } = {}) {
  const query = new URLSearchParams();
  if (trace) query.append("trace", "true");
  for (const path of skipped) query.append("skip", path);
  const text = query.toString();
  return post(`v1/consult${text ? `?${text}` : ""}`, observations);
}

// The smallest sets of changes that reach a better verdict.
export function whatIf(observations, { includeFixed = false, limit = 5 } = {}) {
  return post(`v1/what-if?limit=${limit}${includeFixed ? "&include_fixed=true" : ""}`, observations);
}

// A saved session, checked by the library and given back as the library writes it.
export function session(saved) {
  return post("v1/session", saved);
}

// A note read by the library: its proposals (stated or unsure, each with its words), the
// observations it states and what it set aside.
export function readNotes(text) {
  return post("v1/read-notes", { text });
}
