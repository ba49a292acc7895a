import type { Request } from "express";
import { normaliseSessionCode, SESSION_CODE_PATTERN } from "../../shared/protocol";
import { KeyedRateLimiter } from "../commands/rate-limit";
import { secretMatches } from "../session/secrets";
import type { SessionServices } from "../session/services";
import type { SessionRecord } from "../storage/store";

export type FacilitatorCheck =
  | { ok: true; session: SessionRecord }
  | { ok: false; status: 401 | 404 | 429; error: "forbidden" | "session_not_found" | "rate_limited" };

/**
 * HTTP requests that only a facilitator may make (uploads, exports, deleting a session) carry the
 * facilitator secret as `Authorization: Bearer <secret>`: in a header, never in a URL, so it cannot
 * end up in an access log or a browser history. Wrong secrets are rate limited per address.
 */
export function facilitatorGate(services: SessionServices) {
  const failures = new KeyedRateLimiter({ perSecond: 0.2, burst: 10 });
  return async function check(req: Request): Promise<FacilitatorCheck> {
    const ip = req.ip ?? "";
    const code = normaliseSessionCode(String(req.params.code ?? ""));
    const header = req.get("authorization") ?? "";
    const secret = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header)?.[1];
    const session = SESSION_CODE_PATTERN.test(code) ? await services.store.getSession(code) : undefined;
    if (session && secret && secretMatches(secret, session.facilitatorHash)) return { ok: true, session };
    // Every failure costs a token, whether the code or the secret was wrong: nothing can be probed quickly.
    if (!failures.allow(ip, services.now())) return { ok: false, status: 429, error: "rate_limited" };
    if (!session) return { ok: false, status: 404, error: "session_not_found" };
    return { ok: false, status: 401, error: "forbidden" };
  };
}
