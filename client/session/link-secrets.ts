/**
 * The secrets a link can carry: a facilitator's (`/s/CODE#host=SECRET`) and a coach's
 * (`/s/CODE#coach=SECRET`). They travel in the link's fragment, which browsers never send to a
 * server, so they stay out of every request line and access log. Once read, a secret is kept in this
 * browser only and removed from the address bar so a screen share does not reveal it.
 */
export type LinkSecretKind = "host" | "coach";

const key = (kind: LinkSecretKind, code: string) => `yhteistila.${kind}.${code}`;

export function linkWithSecret(kind: LinkSecretKind, origin: string, code: string, secret: string): string {
  return `${origin}/s/${code}#${kind}=${secret}`;
}

/** The secret of this kind from the address (then kept and hidden), or the one kept earlier. */
export function takeLinkSecret(kind: LinkSecretKind, code: string): string | undefined {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get(kind);
  if (fromHash) {
    localStorage.setItem(key(kind, code), fromHash);
    history.replaceState(null, "", location.pathname + location.search);
    return fromHash;
  }
  return linkSecretFor(kind, code);
}

export function forgetLinkSecret(kind: LinkSecretKind, code: string): void {
  localStorage.removeItem(key(kind, code));
}

/** The secret this browser holds for a session, e.g. for requests only facilitators may make. */
export function linkSecretFor(kind: LinkSecretKind, code: string): string | undefined {
  return localStorage.getItem(key(kind, code)) ?? undefined;
}
