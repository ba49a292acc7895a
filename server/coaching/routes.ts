import express, { type Router } from "express";
import type { CoachLinkResponse } from "../../shared/protocol";
import { facilitatorGate } from "../http/facilitator-auth";
import { generateFacilitatorSecret, hashSecret } from "../session/secrets";
import type { SessionServices } from "../session/services";
import { tellSessionRoom } from "../scaleout/room-calls";

/**
 * The coach link: a facilitator (proving it with their own secret in the Authorization header) asks
 * for a new coach secret. Only its hash is stored, like the facilitator's; the secret itself is in
 * this one answer and nowhere else. Asking again replaces it, so an old link stops working;
 * withdrawing it (DELETE) also sends away the coaches watching, wherever the session's room runs.
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
  router.delete("/api/sessions/:code/coach-link", async (req, res) => {
    const check = await gate(req);
    res.set("Cache-Control", "no-store");
    if (!check.ok) {
      res.status(check.status).json({ error: check.error });
      return;
    }
    await services.store.setCoachHash(check.session.code, null);
    await tellSessionRoom(services, check.session.code, { kind: "coaching.linkRevoked" });
    res.status(204).end();
  });
  return router;
}
