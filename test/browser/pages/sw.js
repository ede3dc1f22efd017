// Test-only app shell: network first, cache as fallback, for the page, its scripts and the
// onnxruntime files. Model files (/models/) are left to the library's own model cache, which is
// what the offline test checks.
const SHELL = 'pii-local-test-shell';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/models/')) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(SHELL);
      try {
        const response = await fetch(event.request);
        if (response.ok) await cache.put(event.request, response.clone());
        return response;
      } catch {
        return (await cache.match(event.request, { ignoreSearch: true })) ?? Response.error();
      }
    })(),
  );
});
