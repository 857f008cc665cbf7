// The text a person reads in one document (the page or a frame), split in two: what the
// app says itself, and what it marks as a name or a quotation (an element with a `lang`
// other than the page's, <q>, <blockquote>, or class "quote"). Run by Playwright's
// evaluate(); returns {own: [...], marked: [...], cells: [[header, text], ...]}.
(pageLang) => {
  const primary = (tag) => (tag || "").toLowerCase().split("-")[0];
  const own = [];
  const marked = [];
  const isMarked = (el) => {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const tag = e.tagName.toLowerCase();
      if (tag === "q" || tag === "blockquote" || e.classList.contains("quote")) {
        return true;
      }
      const lang = e.getAttribute("lang");
      if (lang !== null && e !== document.documentElement) {
        return primary(lang) !== primary(pageLang);
      }
    }
    return false;
  };
  // what a person types (a text area's value) and its example are theirs, not the app's
  const shown = (el) =>
    !el.closest("script, style, noscript, template, canvas, textarea") &&
    (el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : true);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.nodeValue.trim();
    const el = n.parentElement;
    if (!text || !el || !shown(el)) continue;
    (isMarked(el) ? marked : own).push(text);
  }
  for (const el of document.querySelectorAll("[title], [placeholder], img[alt]")) {
    if (el.tagName.toLowerCase() === "textarea") continue;
    if (!shown(el) && el.tagName.toLowerCase() !== "input") continue;
    // aria-label: only Streamlit's and Vega's own controls write one (in English)
    for (const attr of ["title", "placeholder", "alt"]) {
      const v = (el.getAttribute(attr) || "").trim();
      if (v) (isMarked(el) ? marked : own).push(v);
    }
  }
  // a data grid draws on a canvas; its cells (the rows and columns in view) are in a
  // hidden accessible table, each with its column's index
  const cells = [];
  for (const table of document.querySelectorAll("canvas table")) {
    const heads = {};
    for (const h of table.querySelectorAll('th[role="columnheader"]')) {
      heads[h.getAttribute("aria-colindex")] = h.textContent.trim();
      own.push(h.textContent.trim());
    }
    for (const td of table.querySelectorAll('td[role="gridcell"]')) {
      const text = td.textContent.trim();
      if (text) cells.push([heads[td.getAttribute("aria-colindex")] || "", text]);
    }
  }
  return { own, marked, cells };
};
