import express, { type Router } from "express";
import { normaliseSessionCode, SESSION_CODE_PATTERN, type TimelineResponse } from "../../shared/protocol";
import type { TimelineItem } from "../../shared/timeline/log";
import { KeyedRateLimiter } from "../commands/rate-limit";
import { secretMatches } from "../session/secrets";
import type { SessionServices } from "../session/services";
import { timelineSettingsRecord, TIMELINE_SETTINGS_ID } from "./records";

/** The stored log as the debrief reads it: each entry's event with its time. */
export async function loadTimelineItems(services: SessionServices, code: string): Promise<TimelineItem[]> {
  const entries = await services.store.loadTimeline(code);
  return entries.map((entry) => ({ ...(entry.data as object), at: entry.at }) as TimelineItem);
}

/**
 * `GET /api/sessions/:code/timeline`: the debrief's log, during the session or after it, for the
 * facilitators and the coach only (their secret as `Authorization: Bearer`, never in the URL).
 * Anyone else is refused with a reason; wrong secrets are rate limited per address like the export's.
 */
export function timelineRoutes(services: SessionServices): Router {
  const router = express.Router();
  const failures = new KeyedRateLimiter({ perSecond: 0.2, burst: 10 });
  router.get("/api/sessions/:code/timeline", async (req, res) => {
    res.set("Cache-Control", "no-store");
    const code = normaliseSessionCode(String(req.params.code ?? ""));
    const secret = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(req.get("authorization") ?? "")?.[1];
    const session = SESSION_CODE_PATTERN.test(code) ? await services.store.getSession(code) : undefined;
    const coachHash = session ? await services.store.getCoachHash(session.code) : undefined;
    const allowed =
      session !== undefined &&
      secret !== undefined &&
      (secretMatches(secret, session.facilitatorHash) || (coachHash !== undefined && secretMatches(secret, coachHash)));
    if (!allowed) {
      if (!failures.allow(req.ip ?? "", services.now())) {
        res.status(429).json({ error: "rate_limited" });
        return;
      }
      // Participants hold no secret: the log of who stood where and said what is not theirs to read.
      res.status(session ? 403 : 404).json({ error: session ? "forbidden" : "session_not_found" });
      return;
    }
    const stored = await services.store.getRecord(session.code, timelineSettingsRecord.kind, TIMELINE_SETTINGS_ID);
    const body: TimelineResponse = {
      code: session.code,
      title: session.title,
      on: stored ? timelineSettingsRecord.decode(stored).on : false,
      items: await loadTimelineItems(services, session.code),
    };
    res.json(body);
  });
  return router;
}
