// The coach's view: the verdict, confidence and band, the verdicts still reachable and the
// sufficient reason, each signal with its strengths and qualifiers, the advice rules and the
// rule-by-rule trace. Ids and numbers here are for coaches and developers.

import { $, el } from "./dom.js";

// label(path): a field's title.
export function renderCoach(assessment, consultation, label) {
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
  $("coach-body").replaceChildren(
    el("p", { id: "coach-verdict" }, "Verdict ", el("code", { text: assessment.verdict }),
      `, confidence ${assessment.confidence}, band `,
      el("code", { text: assessment.band ? assessment.band.id : "none" })),
    ...consultationDetail(consultation, label),
    el("h4", { text: "Signals and strengths" }),
    rows.length ? el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ...["Rule", "Signal", "Strength", "Qualifiers", "Source"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, ...rows))) : el("p", { class: "muted", text: "No signal yet." }),
    el("h4", { text: "Advice rules" }),
    el("ul", {}, ...assessment.advice.map((a) => el("li", {}, el("code", { text: a.rule }), ` (sign ${a.sign})`))),
    el("h4", { text: "Trace" }),
    el("ol", { id: "trace" }, ...trace));
}

// The verdicts still reachable and the sufficient reason (the fewest recorded answers that
// already force the verdict).
function consultationDetail(c, label) {
  if (!c) return [];
  const out = [el("p", { id: "reachable" }, "Verdicts still reachable: ",
    ...c.reachable.flatMap((v, i) => [i ? ", " : "", el("code", { text: v })]),
    c.settled ? " (settled)" : "")];
  if (c.search && !c.search.complete) {
    out.push(el("p", { id: "search-report" }, `Search cut short (budget ${c.search.seconds} s, questions ranked by `,
      el("code", { text: c.ranked_by }), "): ", c.search.unfinished.join(" ")));
  }
  if (c.sufficient_reason && c.sufficient_reason.length) {
    out.push(el("p", { id: "sufficient-reason" },
      "Enough on their own to give this verdict, whatever the rest: ",
      c.sufficient_reason.map(label).join("; "), "."));
  }
  return out;
}

export function clearCoach() {
  $("coach-body").replaceChildren();
}
