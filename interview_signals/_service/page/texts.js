// The page's words, by key, in the page's language (GET v1/texts): t(key, values) fills a
// template's {name} marks, count(key, n, values) picks a plural form by the browser's own CLDR
// rules (Intl.PluralRules) and writes the number as the language does (Intl.NumberFormat).

let TEXTS = {};
const LANG = document.documentElement.lang || "en";
const plurals = new Intl.PluralRules(LANG);
const numbers = new Intl.NumberFormat(LANG, { useGrouping: false, maximumFractionDigits: 20 });

export function setTexts(texts) {
  TEXTS = texts;
}

function fill(template, values) {
  return template.replace(/\{([a-z_][a-z0-9_]*)\}/g, (mark, name) =>
    (Object.hasOwn(values, name) ? String(values[name]) : mark));
}

export function t(key, values = {}) {
  const template = Object.hasOwn(TEXTS, key) ? TEXTS[key] : undefined;
  return typeof template === "string" ? fill(template, values) : key;
}

// The text of key, or otherwise when the texts have none (a field of the schema's own).
export function tOr(key, otherwise) {
  return typeof TEXTS[key] === "string" && Object.hasOwn(TEXTS, key) ? t(key) : otherwise;
}

export function count(key, n, values = {}) {
  const forms = (Object.hasOwn(TEXTS, key) && TEXTS[key]) || {};
  const template = forms[plurals.select(n)] || forms.other || key;
  return fill(template, { ...values, n: number(n) });
}

export function number(x) {
  return numbers.format(x);
}

// A template split at one {name} mark: [before, after], to put an element in between.
export function around(key, name) {
  const template = (Object.hasOwn(TEXTS, key) && TEXTS[key]) || "";
  const at = template.indexOf(`{${name}}`);
  return at < 0 ? [template, ""] : [template.slice(0, at), template.slice(at + name.length + 2)];
}
