import express, { type Router } from "express";
import type { CoachLinkResponse } from "../../shared/protocol";
import { facilitatorGate } from "../http/facilitator-auth";
import { generateFacilitatorSecret, hashSecret } from "../session/secrets";
import type { SessionServices } from "../session/services";

/**
 * The coach link: a facilitator (proving it with their own secret in the Authorization header) asks
 * for a new coach secret. Only its hash is stored, like the facilitator's; the secret itself is in
 * this one answer and nowhere else. Asking again replaces it, so an old link stops working.
 */
export function coachingRoutes(services: SessionServices): Router {
  const router = express.Router();
  const gate = facilitatorGate(services);
  router.post("/api/sessions/:code/coach-link", async (req, res) => {
    const check = await gate(req);
    res.set("Cache-Control", "no-store");
    if (!check.ok) {
      res.status(check.status).json({ error: check.error });
      return;
    }
    if (check.session.endedAt !== null) {
      res.status(410).json({ error: "session_ended" });
      return;
    }
    const coachSecret = generateFacilitatorSecret();
    await services.store.setCoachHash(check.session.code, hashSecret(coachSecret));
    const body: CoachLinkResponse = { coachSecret };
    res.status(201).json(body);
  });
  return router;
}
