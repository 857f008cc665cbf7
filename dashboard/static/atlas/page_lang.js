// The page says its language (dashboard/marking.py): Streamlit's page is always
// <html lang="en">; a Chinese page sets zh-CN, so screen readers and fonts follow it, and
// the names marked inside it (<span lang="en">) differ from it as they should.
(() => {
  const lang = document.currentScript?.dataset.lang;
  if (lang) document.documentElement.lang = lang;
})();
