/**
 * Registers the offline service worker in production builds only: the dev
 * server's files change on every edit and must never come from a cache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    // BASE_URL is './' (relative builds): the worker and its scope are the page's own
    // folder, wherever the site puts it.
    const base = import.meta.env.BASE_URL;
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).catch((error: unknown) => {
      // The app works without it; only offline use is lost.
      console.warn('INTx Lab will not work offline:', error);
    });
  });
}
