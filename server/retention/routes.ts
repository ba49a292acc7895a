import express, { type Router } from "express";
import { facilitatorGate } from "../http/facilitator-auth";
import type { SessionServices } from "../session/services";
import { deleteSessionEverywhere } from "./delete";

/** `DELETE /api/sessions/:code` with the facilitator secret: the session, its rows and its files are gone. */
export function retentionRoutes(services: SessionServices): Router {
  const router = express.Router();
  const gate = facilitatorGate(services);
  router.delete("/api/sessions/:code", async (req, res) => {
    const check = await gate(req);
    if (!check.ok) {
      res.status(check.status).json({ error: check.error });
      return;
    }
    await deleteSessionEverywhere(services, check.session.code);
    res.status(204).end();
  });
  return router;
}
