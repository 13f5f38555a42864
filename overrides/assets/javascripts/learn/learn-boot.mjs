/* Loaded on every page, and tiny: the practice app itself (learn-app.mjs)
 * is fetched only where a page has a [data-learn] element. Material's
 * document$ fires on every page, including after instant navigation. */
function mountPractice() {
  const root = document.querySelector("[data-learn]");
  if (root) import("./learn-app.mjs").then((app) => app.mount(root));
}

if (window.document$) window.document$.subscribe(mountPractice);
else mountPractice();
