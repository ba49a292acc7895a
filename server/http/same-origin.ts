import { matchMaker } from "@colyseus/core";

/**
 * Nothing needs cross-origin access: the pages are served from the same origin as the API and the
 * rooms. Colyseus' matchmaker otherwise answers every origin with `Access-Control-Allow-Origin`
 * (echoing the caller's origin, or `*`) together with `Access-Control-Allow-Credentials: true`, which
 * would let any site's scripts join sessions in a visitor's name. Without these headers the browser
 * keeps other origins out; same-origin requests need none.
 */
export function answerSameOriginOnly(): void {
  // Typed as the full default set; an empty set is what "same origin only" means.
  (matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string> }).DEFAULT_CORS_HEADERS = {};
  matchMaker.controller.getCorsHeaders = () => ({});
}
