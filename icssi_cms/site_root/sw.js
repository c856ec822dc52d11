// Offline reading (docs/offline.md): keeps the pages a reader opened and the latest
// statements of their language, and shows them when the connection drops; any other
// page then gets the offline page in the reader's language. Same origin only, no
// library. Never kept: the admin, search (what people look for is theirs), anything
// but a plain GET, addresses with a query (form results), and answers the site
// marks private or no-store (pages shown to a signed-in person).
// Change VERSION when this file's caching changes: old caches are then deleted.
const VERSION = "1";
const PAGES = `icssi-pages-${VERSION}`;
const STATIC = `icssi-static-${VERSION}`;
const LANGUAGES = ["en", "ar", "ckb"];
const LATEST = 10; // statements kept per language
const NEVER = [/^\/admin\//, /^\/django-admin\//, /^\/[a-z]+\/search\//, /^\/documents\//];
const refreshed = {}; // language -> when its latest statements were last fetched

function language(url) {
  const first = new URL(url, self.location).pathname.split("/")[1];
  return LANGUAGES.includes(first) ? first : "en";
}

function mayKeep(request, response) {
  const url = new URL(request.url);
  const cacheControl = response.headers.get("Cache-Control") || "";
  return (
    request.method === "GET" &&
    url.origin === self.location.origin &&
    !url.search &&
    !NEVER.some((pattern) => pattern.test(url.pathname)) &&
    response.ok &&
    response.type === "basic" &&
    (response.headers.get("Content-Type") || "").startsWith("text/html") &&
    !/private|no-store/.test(cacheControl)
  );
}

async function keep(request, response) {
  if (mayKeep(request, response)) {
    const cache = await caches.open(PAGES);
    await cache.put(request.url, response);
  }
}

async function keepAddress(path) {
  try {
    const request = new Request(path, { credentials: "same-origin" });
    await keep(request, await fetch(request));
  } catch {
    // Offline again, or the page is gone: keep what we have.
  }
}

// The language's home page, its statements page and its latest statements, read
// from the statements feed; at most once an hour.
async function keepLatest(lang) {
  if (Date.now() - (refreshed[lang] || 0) < 3600 * 1000) return;
  refreshed[lang] = Date.now();
  try {
    const feed = await (await fetch(`/${lang}/news/feed/`)).text();
    const links = [...feed.matchAll(/<item>[\s\S]*?<link>([^<]+)<\/link>/g)]
      .slice(0, LATEST)
      .map((match) => new URL(match[1]).pathname);
    await Promise.all([`/${lang}/`, `/${lang}/news/`, ...links].map(keepAddress));
  } catch {
    refreshed[lang] = 0;
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(PAGES).then((cache) => cache.addAll(LANGUAGES.map((lang) => `/${lang}/offline/`)))
  );
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => ![PAGES, STATIC].includes(name)).map((name) => caches.delete(name)))
      )
      .then(() => self.clients.claim())
  );
});

// Sent by offline.js from each page: the page itself and the static files it used
// (the first page a reader opens loads before this worker runs).
self.addEventListener("message", (event) => {
  const { page, assets } = event.data || {};
  if (!page) return;
  event.waitUntil(
    Promise.all([
      caches.match(page).then((kept) => kept || keepAddress(page)),
      caches.open(STATIC).then((cache) =>
        Promise.all(
          (assets || [])
            .filter((url) => new URL(url).origin === self.location.origin)
            .map((url) => cache.match(url).then((hit) => hit || cache.add(url).catch(() => {})))
        )
      ),
      keepLatest(language(page)),
    ])
  );
});

async function fromNetworkThenCache(event) {
  const { request } = event;
  try {
    const response = await fetch(request);
    event.waitUntil(keep(request, response.clone()));
    event.waitUntil(keepLatest(language(request.url)));
    return response;
  } catch {
    const kept = (await caches.match(request.url)) ||
      (await caches.match(`/${language(request.url)}/offline/`));
    return kept || Response.error();
  }
}

// Static files have their content's hash in their names: kept ones never change.
async function fromCacheThenNetwork(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(STATIC);
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (NEVER.some((pattern) => pattern.test(url.pathname))) return;
  // Nothing the admin loads goes through this worker either.
  const from = request.referrer ? new URL(request.referrer).pathname : "";
  if (NEVER.some((pattern) => pattern.test(from))) return;
  if (request.mode === "navigate") {
    event.respondWith(fromNetworkThenCache(event));
  } else if (url.pathname.startsWith("/static/")) {
    event.respondWith(fromCacheThenNetwork(request));
  }
});
