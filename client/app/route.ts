/** The places in the product: the start page, a session (`/s/<code>`) and the accessibility statement. */
export type Route =
  { page: "home" } | { page: "session"; code: string } | { page: "debrief"; code: string } | { page: "accessibility" };

export const ACCESSIBILITY_PATH = "/accessibility";

export function parseRoute(pathname: string): Route {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (match) return { page: "session", code: decodeURIComponent(match[1]!) };
  const debrief = /^\/s\/([^/]+)\/debrief\/?$/.exec(pathname);
  if (debrief) return { page: "debrief", code: decodeURIComponent(debrief[1]!) };
  if (pathname.replace(/\/$/, "") === ACCESSIBILITY_PATH) return { page: "accessibility" };
  return { page: "home" };
}

export function sessionPath(code: string): string {
  return `/s/${encodeURIComponent(code)}`;
}

/** The debrief of a session (issue 11): facilitators and coaches only, the server decides. */
export function debriefPath(code: string): string {
  return `/s/${encodeURIComponent(code)}/debrief`;
}

/** Navigates without reloading the page, keeping one route state in sync with the address bar. */
export function navigate(path: string): void {
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
}
