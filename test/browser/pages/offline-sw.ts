// The test pages' service worker: pii-local's offline service worker, built from the sources (the
// same one-line script as src/browser/offline-sw-entry.ts, which the package ships as offline-sw.js).
import { serveOffline } from '../../../src/browser/offline-sw.js';

serveOffline();
