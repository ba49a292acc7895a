import { randomUUID } from "node:crypto";
import express, { type Router } from "express";
import { accessibilityFeedbackSchema } from "../../shared/protocol";
import type { AccessibilityFeedbackResponse, AccessibilityInfoResponse } from "../../shared/protocol";
import { FEEDBACK_REPLY_DAYS } from "../../shared/accessibility/statement";
import { KeyedRateLimiter } from "../commands/rate-limit";
import type { SessionServices } from "../session/services";

/**
 * The accessibility statement's feedback channel: anyone may write (no session needed), so each
 * address may send a few in an hour, and the whole server at most a few hundred in a day, enough
 * for people and too little to fill the disk.
 */
export function accessibilityRoutes(services: SessionServices, contact: string | null): Router {
  const router = express.Router();
  const perAddress = new KeyedRateLimiter({ perSecond: 5 / 3600, burst: 5 });
  const overall = new KeyedRateLimiter({ perSecond: 300 / 86_400, burst: 300 });

  router.get("/api/accessibility", (_req, res) => {
    const body: AccessibilityInfoResponse = { contact };
    res.set("Cache-Control", "no-cache").json(body);
  });

  router.post("/api/accessibility/feedback", express.json({ limit: "16kb" }), async (req, res) => {
    res.set("Cache-Control", "no-store");
    const now = services.now();
    if (!perAddress.allow(req.ip ?? "", now) || !overall.allow("all", now)) {
      res.status(429).json({ error: "rate_limited" });
      return;
    }
    const parsed = accessibilityFeedbackSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid_payload" });
      return;
    }
    const id = randomUUID();
    await services.store.saveFeedback({ id, receivedAt: now, ...parsed.data });
    console.log(`Accessibility feedback ${id} received; list it with \`npm run accessibility:feedback\`.`);
    const body: AccessibilityFeedbackResponse = { id, replyDays: FEEDBACK_REPLY_DAYS };
    res.status(201).json(body);
  });

  return router;
}
