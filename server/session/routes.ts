import express, { type Router } from "express";
import { createSessionRequestSchema, normaliseSessionCode, SESSION_CODE_PATTERN } from "../../shared/protocol";
import type { CreateSessionResponse, SessionInfoResponse } from "../../shared/protocol";
import { KeyedRateLimiter } from "../commands/rate-limit";
import { facilitatorGate } from "../http/facilitator-auth";
import { DuplicateSessionCodeError } from "../storage/store";
import { generateFacilitatorSecret, generateSessionCode, hashSecret } from "./secrets";
import type { SessionServices } from "./services";
import { physicalRoomsInfo } from "../hybrid/info";
import { coachesWatching } from "../scaleout/room-calls";
import { timelineSettingsRecord, TIMELINE_SETTINGS_ID } from "../timeline/records";

/** Read from the stored setting, so it is right whether or not the room is open here. */
async function timelineIsOn(services: SessionServices, code: string): Promise<boolean> {
  const stored = await services.store.getRecord(code, timelineSettingsRecord.kind, TIMELINE_SETTINGS_ID);
  try {
    return stored ? timelineSettingsRecord.decode(stored).on : false;
  } catch {
    return false;
  }
}

/**
 * HTTP side of sessions: creating one, and looking one up before joining. Lookups are rate limited
 * per address so that codes cannot be enumerated (and the code space is ~1.5e13 besides).
 */
export function sessionRoutes(services: SessionServices): Router {
  const router = express.Router();
  const createLimiter = new KeyedRateLimiter({ perSecond: 10 / 60, burst: 10 });
  const lookupLimiter = new KeyedRateLimiter({ perSecond: 1, burst: 30 });

  router.post("/api/sessions", express.json({ limit: "2kb" }), async (req, res) => {
    if (!createLimiter.allow(req.ip ?? "", services.now())) {
      res.status(429).json({ error: "rate_limited" });
      return;
    }
    const parsed = createSessionRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid_payload" });
      return;
    }
    const facilitatorSecret = generateFacilitatorSecret();
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = generateSessionCode();
      try {
        await services.store.createSession({
          code,
          title: parsed.data.title,
          facilitatorHash: hashSecret(facilitatorSecret),
          createdAt: services.now(),
          endedAt: null,
        });
        const body: CreateSessionResponse = { code, title: parsed.data.title, facilitatorSecret };
        res.status(201).set("Cache-Control", "no-store").json(body);
        return;
      } catch (error) {
        if (!(error instanceof DuplicateSessionCodeError)) throw error;
      }
    }
    res.status(503).json({ error: "session_full" });
  });

  router.get("/api/sessions/:code", async (req, res) => {
    if (!lookupLimiter.allow(req.ip ?? "", services.now())) {
      res.status(429).json({ error: "rate_limited" });
      return;
    }
    const code = normaliseSessionCode(String(req.params.code));
    const record = SESSION_CODE_PATTERN.test(code) ? await services.store.getSession(code) : undefined;
    if (!record) {
      res.status(404).json({ error: "session_not_found" });
      return;
    }
    const body: SessionInfoResponse = {
      code: record.code,
      title: record.title,
      ended: record.endedAt !== null,
      // Observing is never hidden: the join page says so before anyone enters.
      coaches: await coachesWatching(services, record.code),
      physicalRooms: await physicalRoomsInfo(services, record.code),
      // Likewise whether the debrief timeline is kept: people are told before they enter.
      timeline: await timelineIsOn(services, record.code),
    };
    res.set("Cache-Control", "no-store").json(body);
  });

  // Whether a link's facilitator key opens this session, asked before joining so the join page can
  // say so. The key comes in the Authorization header and is compared in constant time against the
  // stored hash; the answer is only yes (204) or no (401), and wrong guesses are rate limited.
  const gate = facilitatorGate(services);
  router.post("/api/sessions/:code/facilitator-check", async (req, res) => {
    const check = await gate(req);
    res.set("Cache-Control", "no-store");
    if (!check.ok) {
      res.status(check.status).json({ error: check.error });
      return;
    }
    res.status(204).end();
  });

  return router;
}
