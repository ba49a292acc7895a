import { z } from "zod";
import type { TimelineItem } from "../timeline/log";

export const timelineMessages = {
  /** Facilitator: switch keeping the debrief timeline on or off (off by default). */
  "timeline.set": z.object({ on: z.boolean() }).strict(),
} as const;

export const timelineServerMessages = {} as const;

/** HTTP `GET /api/sessions/<code>/timeline` (facilitator or coach secret as Bearer): the whole log. */
export interface TimelineResponse {
  code: string;
  title: string;
  /** Whether the timeline is being kept now. */
  on: boolean;
  items: TimelineItem[];
}
