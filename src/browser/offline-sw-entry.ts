/**
 * The service-worker script pii-local ships for offline use (built to `offline-sw.js`): it only
 * calls `serveOffline()`. Serve it from your app's origin, at or above the pages it should serve
 * (a service worker controls only pages under its own folder), and register it from the page with
 * `registerOfflineWorker('/offline-sw.js')`. An app with a service worker of its own pulls it in
 * with `importScripts('/offline-sw.js')` instead, after its own `fetch` listeners: a request one of
 * those answers is left to it.
 */
import { serveOffline } from './offline-sw.js';

serveOffline();
