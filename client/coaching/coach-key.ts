/**
 * The coach secret travels like the facilitator's, in the link's fragment (`/s/CODE#coach=SECRET`),
 * which browsers never send to a server. Once read, it is kept in this browser only and removed from
 * the address bar so a screen share does not reveal it.
 */
const PREFIX = "yhteistila.coach.";

export function coachLink(origin: string, code: string, secret: string): string {
  return `${origin}/s/${code}#coach=${secret}`;
}

export function takeCoachSecret(code: string): string | undefined {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get("coach");
  if (fromHash) {
    localStorage.setItem(PREFIX + code, fromHash);
    history.replaceState(null, "", location.pathname + location.search);
    return fromHash;
  }
  return localStorage.getItem(PREFIX + code) ?? undefined;
}

export function forgetCoachSecret(code: string): void {
  localStorage.removeItem(PREFIX + code);
}
