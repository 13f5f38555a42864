/* The site's service worker (scope: the site root). The build prepends
 * `self.CS_MANIFEST = {...}` (sitegen/service_worker.py):
 *   runtime:  {version, files: [url, ...]}  Pyodide, the trimmed standard
 *             library and calculators.zip; version is their content hash
 *   pages:    {zh: [url, ...], en: [...]}   every page and asset of a tree
 *   build:    a hash of the whole manifest
 * URLs are relative to this file.
 *
 *   runtime   cache-first, in a cache named by the runtime's hash: a new
 *             runtime replaces it, an unchanged one is never fetched twice
 *   HTML      network-first, falling back to the cache: a deploy shows on
 *             the next load, and every page once seen works offline
 *   assets    cache, refreshed in the background
 * On request ({type: "cache-tree", lang}) it also stores a whole language
 * tree, so the glossary works offline after one visit; {type: "cache-runtime"}
 * stores the runtime a calculator page has just loaded. */
"use strict";

const MANIFEST = self.CS_MANIFEST;
const BASE = new URL("./", self.location.href);
const RUNTIME_CACHE = `cs-runtime-${MANIFEST.runtime.version}`;
const PAGES_CACHE = "cs-pages-v1";
const OURS = /^cs-(runtime|pages)-/;
const runtimeUrls = new Set(MANIFEST.runtime.files.map((path) => new URL(path, BASE).href));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    // A reader who has used the calculators gets the new runtime now; one
    // who never has downloads nothing until a calculator page asks for it.
    const names = await caches.keys();
    if (names.some((name) => name.startsWith("cs-runtime-") && name !== RUNTIME_CACHE)) {
      await cacheRuntime().catch(() => {});
    }
    await self.skipWaiting();
  })());
});

/* Fill the runtime cache. "no-cache" revalidates with the server: a file the
 * browser already holds costs a 304, not its bytes, and a changed one is
 * never taken stale from the HTTP cache. */
async function cacheRuntime() {
  const cache = await caches.open(RUNTIME_CACHE);
  for (const url of runtimeUrls) {
    if (!(await cache.match(url))) {
      const response = await fetch(url, { cache: "no-cache" });
      if (response.ok) await cache.put(url, response);
    }
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (OURS.test(name) && name.startsWith("cs-runtime-") && name !== RUNTIME_CACHE) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(BASE.href)) return;
  const key = url.origin + url.pathname;           // query strings carry calculator state only
  if (runtimeUrls.has(key)) {
    event.respondWith(cacheFirst(RUNTIME_CACHE, key, request));
  } else if (request.mode === "navigate" || (request.headers.get("accept") || "").includes("text/html")) {
    event.respondWith(networkFirst(key, request));
  } else {
    event.respondWith(staleWhileRevalidate(key, request, event));
  }
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === "cache-tree" && MANIFEST.pages[data.lang]) {
    event.waitUntil(cacheTree(data.lang, event.source));
  } else if (data.type === "cache-runtime") {
    // Sent by a calculator page once its engine runs: the files are in the
    // HTTP cache by then, so this moves no bytes.
    event.waitUntil(cacheRuntime().then(
      () => event.source && event.source.postMessage({ type: "runtime-cached", version: MANIFEST.runtime.version }),
      () => {}));
  }
});

async function cacheFirst(cacheName, key, request) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(key);
  if (hit) return hit;
  // Revalidated, never taken from the HTTP cache as it is: after a deploy the
  // HTTP cache may still hold the previous build's file, fresh by its own
  // heuristics, and storing that under the new version's name would pin it.
  const response = await fetch(key, { cache: "no-cache", credentials: request.credentials });
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

async function networkFirst(key, request) {
  const cache = await caches.open(PAGES_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(key) || await cache.match(key.replace(/\/$/, "/index.html"));
    if (hit) return hit;
    throw error;
  }
}

async function staleWhileRevalidate(key, request, event) {
  const cache = await caches.open(PAGES_CACHE);
  const hit = await cache.match(key);
  const refresh = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(key, response.clone());
    return response;
  });
  if (hit) {
    event.waitUntil(refresh.catch(() => {}));
    return hit;
  }
  return refresh;
}

/* Store every page and asset of one language tree that is not stored yet,
 * a few at a time, telling the page how far it got. */
async function cacheTree(lang, client) {
  const cache = await caches.open(PAGES_CACHE);
  const urls = MANIFEST.pages[lang].map((path) => new URL(path, BASE).href);
  let done = 0;
  let failed = 0;
  const queue = urls.slice();
  async function worker() {
    while (queue.length) {
      const url = queue.shift();
      try {
        if (!(await cache.match(url))) {
          const response = await fetch(url);
          if (response.ok) await cache.put(url, response); else failed += 1;
        }
      } catch (error) {
        failed += 1;
      }
      done += 1;
      if (client && done % 25 === 0) client.postMessage({ type: "cache-progress", lang, done, total: urls.length });
    }
  }
  await Promise.all([worker(), worker(), worker(), worker()]);
  const message = { type: "cache-done", lang, done, failed, total: urls.length };
  if (client) client.postMessage(message);
  for (const other of await self.clients.matchAll()) if (other !== client) other.postMessage(message);
}
