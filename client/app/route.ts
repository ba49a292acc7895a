/** The places in the product: the start page, a session (`/s/<code>`) and the accessibility statement. */
export type Route = { page: "home" } | { page: "session"; code: string } | { page: "accessibility" };

export const ACCESSIBILITY_PATH = "/accessibility";

export function parseRoute(pathname: string): Route {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (match) return { page: "session", code: decodeURIComponent(match[1]!) };
  if (pathname.replace(/\/$/, "") === ACCESSIBILITY_PATH) return { page: "accessibility" };
  return { page: "home" };
}

export function sessionPath(code: string): string {
  return `/s/${encodeURIComponent(code)}`;
}

/** Navigates without reloading the page, keeping one route state in sync with the address bar. */
export function navigate(path: string): void {
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
}
