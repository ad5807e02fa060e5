/**
 * Registers the offline service worker in production builds only: the dev
 * server's files change on every edit and must never come from a cache.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((error: unknown) => {
      // The app works without it; only offline use is lost.
      console.warn('INTx Lab will not work offline:', error);
    });
  });
}
