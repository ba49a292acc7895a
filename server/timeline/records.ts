import { z } from "zod";
import { defineRecordType } from "../storage/records";

/** Whether the debrief timeline is kept: a record, so a restart keeps recording (and says so). */
export const timelineSettingsRecord = defineRecordType({
  kind: "timeline",
  schema: z.object({ on: z.boolean(), since: z.number() }),
});
export const TIMELINE_SETTINGS_ID = "settings";
