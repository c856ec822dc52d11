// Registers the offline-reading service worker (/sw.js) and tells it which page was
// opened and which static files it used, so that both can be read offline.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").then(() => navigator.serviceWorker.ready).then((registration) => {
    const assets = performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((name) => new URL(name).pathname.startsWith("/static/"));
    const page = location.search ? null : location.pathname;
    if (page) registration.active.postMessage({ page, assets });
  });
}
