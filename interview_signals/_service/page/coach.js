// The coach's view: the verdict, confidence and band, the verdicts still reachable and the
// sufficient reason, each signal with its strengths and qualifiers, the advice rules and the
// rule-by-rule trace. Ids and numbers here are for coaches and developers.

import { $, el } from "./dom.js";
import { around, number, t } from "./texts.js";

// label(path): a field's title.
export function renderCoach(assessment, consultation, label) {
  const rows = assessment.signals.map((s) => el("tr", {},
    el("td", {}, el("code", { text: s.rule })),
    el("td", { text: s.title }),
    el("td", { text: s.base_strength === s.strength ? `${s.strength}` : `${s.base_strength} → ${s.strength}` }),
    el("td", { text: s.qualifiers.map((q) => `${q.effect} ${q.amount} (${q.id})`).join("; ") || "—" }),
    el("td", { text: t("page.sign", { sign: s.source.sign }) })));
  const trace = (assessment.trace || []).map((f) => el("li", {},
    el("code", { text: f.rule }), t("page.matched", { kind: f.kind }),
    f.matched.map((m) => (m.kind === "observation" ? `${m.path} = ${m.value}` : `${m.kind} ${m.id}`)).join(", ") || t("page.nothing_matched"),
    f.asserted.length ? ` → ${f.asserted.map((a) => a.id).join(", ")}` : ""));
  $("coach-body").replaceChildren(
    el("p", { id: "coach-verdict" }, ...coachVerdict(assessment)),
    ...consultationDetail(consultation, label),
    el("h4", { text: t("page.signals_heading") }),
    rows.length ? el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, ...["rule", "signal", "strength", "qualifiers", "source"].map((h) => el("th", { scope: "col", text: t(`page.column.${h}`) })))),
      el("tbody", {}, ...rows))) : el("p", { class: "muted", text: t("page.no_signal") }),
    el("h4", { text: t("page.advice_rules") }),
    el("ul", {}, ...assessment.advice.map((a) => el("li", {}, el("code", { text: a.rule }), ` (${t("page.sign", { sign: a.sign })})`))),
    el("h4", { text: t("page.trace") }),
    el("ol", { id: "trace" }, ...trace));
}

// The verdicts still reachable and the sufficient reason (the fewest recorded answers that
// already force the verdict).
function consultationDetail(c, label) {
  if (!c) return [];
  const out = [el("p", { id: "reachable" }, t("page.reachable"),
    ...c.reachable.flatMap((v, i) => [i ? ", " : "", el("code", { text: v })]),
    c.settled ? t("page.settled_mark") : "")];
  if (c.search && !c.search.complete) {
    const [before, after] = around("page.search_report", "ranked_by");
    out.push(el("p", { id: "search-report" }, before.replace("{seconds}", number(c.search.seconds)),
      el("code", { text: c.ranked_by }), after, " ", c.search.unfinished.join(" ")));
  }
  if (c.sufficient_reason && c.sufficient_reason.length) {
    out.push(el("p", { id: "sufficient-reason" },
      t("page.sufficient"),
      c.sufficient_reason.map(label).join("; "), "."));
  }
  return out;
}

// "Verdict strong, confidence 0.9, band strongly", with the ids as code.
function coachVerdict(assessment) {
  const band = assessment.band ? assessment.band.id : t("page.no_band");
  const parts = t("page.coach_verdict", { verdict: "\u0000v\u0000", confidence: assessment.confidence, band: "\u0000b\u0000" })
    .split("\u0000");
  return parts.map((part) => (part === "v" ? el("code", { text: assessment.verdict })
    : part === "b" ? el("code", { text: band }) : part));
}

export function clearCoach() {
  $("coach-body").replaceChildren();
}
