/* Written as sw.js by builds that ship no service worker (the preview server,
 * or CS_GLOSSARY_OFFLINE=off). A browser that still runs the real one fetches
 * this on its next update check: it deletes the site's caches and unregisters
 * itself, so the next load of any page comes from the network again. */
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (/^cs-(runtime|pages|engine)-/.test(name)) await caches.delete(name);
    }
    await self.registration.unregister();
  })());
});
