/* Live reload for `make serve` (sitegen/live_reload.py serves this file).
 * Long-polls /livereload/<epoch>/<id>?page=<path>&digest=<digest>; the server
 * answers once this page's content is no longer what it was served as (or
 * after a minute), and a newer epoch means: reload this page.
 * An external file, so the Content Security Policy needs no exception for it. */
(function () {
  var script = document.currentScript;
  var epoch = Number(script.dataset.epoch);
  var requestId = script.dataset.requestId;
  var query = "?page=" + encodeURIComponent(location.pathname) +
    "&digest=" + encodeURIComponent(script.dataset.digest || "");
  var request, timer;

  function poll() {
    stop();
    request = new XMLHttpRequest();
    request.onloadend = function () {
      if (parseFloat(this.responseText) > epoch) {
        location.reload();
      } else {
        timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
      }
    };
    request.open("GET", "/livereload/" + epoch + "/" + requestId + query);
    request.send();
  }

  function stop() {
    if (request) { request.onloadend = null; request.abort(); }
    if (timer) clearTimeout(timer);
    request = timer = undefined;
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") poll(); else stop();
  });
  window.addEventListener("beforeunload", stop);
  if (document.visibilityState === "visible") poll();
})();
