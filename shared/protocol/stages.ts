import { z } from "zod";
import { docIdSchema } from "../boards/model";

/** Stages unlocked in turn (shared/methods/stages.ts): TRIZ's tag and owners on a stage's notes. */
export const stagesMessages = {
  /** Anyone, while TRIZ's second stage runs: toggle "we already do this" on a note of the worst list. */
  "boards.tagNote": z.object({ noteId: docIdSchema }).strict(),
  /** Anyone, in TRIZ's last step: take ownership of a first action (one per person), or let go of it. */
  "boards.ownNote": z.object({ noteId: docIdSchema }).strict(),
} as const;
