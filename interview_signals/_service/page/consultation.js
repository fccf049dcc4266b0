// The consultation's state: the answers, the fields answered "I don't know", what the
// consultation said last (the reading, the question to ask, the questions that matter) and
// the way back. Every change asks the service again, and a change it refuses is undone.
// Paths and ids are data: they are kept in Maps and Sets, never looked up as an object's
// properties (where "constructor" or "__proto__" would find the prototype's).

import * as api from "./api.js";
import { observationsOf } from "./fields.js";

export class ConsultationState {
  constructor(fields, prerequisites) {
    this.fields = fields;
    this.prerequisites = prerequisites; // [{dependent, prerequisite}]
    this.answers = new Map(); // path -> value
    this.skipped = new Set();
    this.history = []; // the paths answered or skipped, in order, for Back
    this.last = null; // the last answer of POST v1/consult
    this.asked = new Map(); // path -> the consultation's last question on it (its answers and why)
    this.steps = 0; // answers of POST v1/consult so far
  }

  get observations() {
    return observationsOf(this.fields, this.answers);
  }

  // The question to ask now, as the consultation chose it (a prerequisite first, when one
  // is open), or null when nothing is left to ask.
  next() {
    const c = this.last;
    return c ? c.ask_first || c.questions[0] || null : null;
  }

  // The questions that could still change the reading.
  get openCount() {
    return this.last ? this.last.questions.length : 0;
  }

  async refresh({ trace = false } = {}) {
    const consultation = await api.consult(this.observations, [...this.skipped], { trace });
    this.last = consultation;
    for (const q of [consultation.ask_first, ...consultation.questions]) {
      if (q) this.asked.set(q.path, q);
    }
    this.steps += 1;
    return consultation;
  }

  // Answer `path` (undefined: "I don't know"). A "no" to a prerequisite drops what its
  // dependents held (a reply's tone once no note was sent). Throws, changing nothing, when
  // the service refuses the answers.
  async answer(path, value, options) {
    const answers = new Map(this.answers);
    const skipped = new Set(this.skipped);
    if (value === undefined) {
      answers.delete(path);
      skipped.add(path);
    } else {
      answers.set(path, value);
      skipped.delete(path);
      if (value === false) {
        for (const r of this.prerequisites) if (r.prerequisite === path) answers.delete(r.dependent);
      }
    }
    const consultation = await this.replace(answers, skipped, options);
    this.history.push(path);
    return consultation;
  }

  // Every answer and skip at once (a loaded session, or none to start again).
  async replace(answers, skipped, options) {
    const before = [this.answers, this.skipped];
    [this.answers, this.skipped] = [answers, skipped];
    try {
      return await this.refresh(options);
    } catch (error) {
      [this.answers, this.skipped] = before;
      throw error;
    }
  }

  // The path answered last, taken off the way back (undefined when there is none).
  back() {
    return this.history.pop();
  }
}
