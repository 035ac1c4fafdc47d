/**
 * The router resolves a lazy page only after its guard has asked the server
 * for the session; on a cold load that puts the page's chunks behind a
 * round trip. Starting the same dynamic imports at once lets both run
 * together (the module loader shares the one download).
 */
export function prefetchRouteChunk(path: string): void {
  if (path === '/login') return;
  void import('../views/layout/AppLayout.vue').catch(() => undefined);
  if (path === '/modeler' || path.startsWith('/modeler/')) {
    void import('../views/modeler/ModelerPage.vue').catch(() => undefined);
  }
}
