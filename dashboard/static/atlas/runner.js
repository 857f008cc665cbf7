// Runs the shared map's code published by the server (dashboard/map/code.py) at the head
// of every published file: `window.atlasCode[digest]` holds the code, run in the page's
// global scope (folium's `var`s must be globals). A page that lacks it (a component made
// before a server restart) fetches it synchronously: rare, and cached by then. If that
// fails too, the page tells its session (`missing` as the component's value), whose next
// run sends the code inline (map/shared.py).
window.atlasCode = window.atlasCode || {};
// an inline script element runs its text at once, in the global scope
window.atlasGlobal = (code) => {
  const s = document.createElement("script");
  s.textContent = code;
  document.head.appendChild(s);
  s.remove();
};
window.atlasRun = (digest, url, missing) => {
  if (window.atlasCode[digest] === undefined) {
    const x = new XMLHttpRequest();
    try {
      x.open("GET", url, false);
      x.send();
    } catch (_e) {
      // offline or gone: told below
    }
    if (x.status === 200) window.atlasGlobal(x.responseText);
  }
  if (window.atlasCode[digest] === undefined) {
    if (window.Streamlit) window.Streamlit.setComponentValue({ [missing]: digest });
    return;
  }
  window.atlasGlobal(window.atlasCode[digest]);
};
