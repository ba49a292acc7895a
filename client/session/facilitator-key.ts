/**
 * The facilitator secret travels in the link's fragment (`/s/CODE#host=SECRET`): browsers never send
 * a fragment to the server, so it stays out of every request line and access log. Once read, it is
 * kept in this browser only and removed from the address bar so a screen share does not reveal it.
 */
const PREFIX = "yhteistila.host.";

export function facilitatorLink(origin: string, code: string, secret: string): string {
  return `${origin}/s/${code}#host=${secret}`;
}

export function takeFacilitatorSecret(code: string): string | undefined {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("host");
  if (fromHash) {
    localStorage.setItem(PREFIX + code, fromHash);
    history.replaceState(null, "", location.pathname + location.search);
    return fromHash;
  }
  return localStorage.getItem(PREFIX + code) ?? undefined;
}

export function forgetFacilitatorSecret(code: string): void {
  localStorage.removeItem(PREFIX + code);
}

/** The facilitator secret this browser holds for a session, for requests only facilitators may make. */
export function facilitatorSecretFor(code: string): string | undefined {
  return localStorage.getItem(PREFIX + code) ?? undefined;
}
