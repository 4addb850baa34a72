/** `/healthz` of the app that serves `routeUrl` (any of its routes). */
export const healthUrl = (routeUrl: string): string => `${new URL(routeUrl).origin}/healthz`;

/**
 * Waits for the observable recovery after Redis comes back: /healthz answering 200 again.
 * Redis reconnects on a timer of its client, so there is no event to wait for; bounded at 15 s.
 */
export async function waitHealthy(routeUrl: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await fetch(healthUrl(routeUrl))).status !== 200) {
    if (Date.now() > deadline) throw new Error('the bot did not recover after Redis came back');
    await new Promise((r) => setTimeout(r, 50));
  }
}
