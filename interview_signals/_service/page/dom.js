// Two helpers every view uses: find an element by id, and build one.

export const $ = (id) => document.getElementById(id);

// el("p", { class: "muted", text: "…", onclick: f }, child, …): attributes, then children
// (null and undefined children are left out).
export function el(tag, attributes = {}, ...children) {
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
