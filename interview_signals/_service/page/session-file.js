// The session file: what "Save session" downloads and "Load session" reads. Its format is the
// library's (the session JSON Schema gives the format's name and version); the service checks
// and writes it (POST v1/session), so the page never validates a session on its own.

import * as api from "./api.js";
import { el } from "./dom.js";
import { answersOf } from "./fields.js";

export const FILE_NAME = "interview-session.json";

// The session the library would write for these observations and skipped fields.
export async function savedSession(schema, observations, skipped) {
  const saved = {
    format: schema.properties.format.const,
    version: schema.properties.version.const,
    observations,
    skipped,
  };
  return api.session(saved);
}

export function download(session) {
  const blob = new Blob([JSON.stringify(session, null, 2) + "\n"], { type: "application/json" });
  const link = el("a", { href: URL.createObjectURL(blob), download: FILE_NAME });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// {answers, skipped} of a saved session's file; throws an Error that says what is wrong.
export async function readSessionFile(file) {
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    throw new Error("it is not JSON");
  }
  let session;
  try {
    session = await api.session(data);
  } catch (error) {
    // Each problem by its path in the file: "session.skipped[2]: expected a field path …".
    if (error.problems.length) throw new Error(error.problems.map((p) => p.message).join("; "));
    throw error;
  }
  return { answers: answersOf(session.observations), skipped: new Set(session.skipped) };
}
