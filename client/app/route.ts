/** The two places in the product: the start page and a session (`/s/<code>`). */
export type Route = { page: "home" } | { page: "session"; code: string };

export function parseRoute(pathname: string): Route {
  const match = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (match) return { page: "session", code: decodeURIComponent(match[1]!) };
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
