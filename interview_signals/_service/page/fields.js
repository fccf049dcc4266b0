// The observation fields, read from the observation schema: each field's path, group, type,
// choices and range, its title and question in the page's language (from its texts), and the
// prerequisites the schema states as if/then rules (a reply needs a note that was sent).

import { tOr } from "./texts.js";

export function readFields(schema) {
  const fields = [];
  for (const [group, groupSchema] of Object.entries(schema.properties)) {
    for (const [name, field] of Object.entries(groupSchema.properties)) {
      fields.push({
        path: `${group}.${name}`,
        group,
        name,
        // The field's words in the page's language; a field without texts (none in the
        // vocabulary) reads by its schema's title and description.
        groupTitle: tOr(`page.group.${group}`, groupSchema.title),
        title: tOr(`field.${group}.${name}.label`, field.title),
        question: tOr(`field.${group}.${name}.question`,
          String(field.description ?? field.title ?? "").split("\n\n")[0]),
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

// [{dependent, prerequisite}]: the dependent holds no value while its prerequisite is false.
export function readPrerequisites(schema) {
  const rules = [];
  for (const rule of schema.allOf || []) {
    if (!rule.if || !rule.then) continue;
    const prerequisite = onlyPath(rule.if);
    const dependent = onlyPath(rule.then);
    if (prerequisite && dependent) rules.push({ dependent, prerequisite });
  }
  return rules;
}

// The first field `path` depends on that is neither answered nor implied by another answer
// (a reply recorded means a note was sent), going down to what that one depends on; null
// when there is none. Its question comes before the question on `path`, as in the
// library's own reading ("Not recorded yet").
export function openNeed(path, answers, prerequisites) {
  for (const { dependent, prerequisite } of prerequisites) {
    if (dependent !== path || answers.has(prerequisite)) continue;
    const implied = prerequisites.some((r) => r.prerequisite === prerequisite
      && answers.has(r.dependent) && answers.get(r.dependent) !== false);
    if (!implied) return openNeed(prerequisite, answers, prerequisites) || prerequisite;
  }
  return null;
}

function onlyPath(part) {
  const group = Object.keys(part.properties || {})[0];
  if (!group) return null;
  const name = Object.keys(part.properties[group].properties || {})[0];
  return name ? `${group}.${name}` : null;
}

// Map path -> value → the JSON vocabulary's {group: {field: value}}, in the fields' order
// (objects without a prototype, so that any name is an own property).
export function observationsOf(fields, answers) {
  const out = Object.create(null);
  for (const field of fields) {
    if (!answers.has(field.path)) continue;
    if (!Object.hasOwn(out, field.group)) out[field.group] = Object.create(null);
    out[field.group][field.name] = answers.get(field.path);
  }
  return out;
}

// {group: {field: value}} → Map path -> value (null is unknown: left out).
export function answersOf(observations) {
  const answers = new Map();
  for (const [group, values] of Object.entries(observations || {})) {
    for (const [name, value] of Object.entries(values || {})) {
      if (value !== null) answers.set(`${group}.${name}`, value);
    }
  }
  return answers;
}
