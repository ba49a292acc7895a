import { observationSchema } from "../../shared/protocol";
import { defineRecordType } from "../storage/records";

/** A coach's observation, stored with the session (and deleted with it). */
export const observationRecord = defineRecordType({
  kind: "coaching.observation",
  schema: observationSchema.omit({ id: true }),
});
