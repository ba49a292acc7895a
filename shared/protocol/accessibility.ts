import { z } from "zod";
import { localeSchema, plainText } from "./common";

import { FEEDBACK_LIMITS } from "./constants";

export { FEEDBACK_LIMITS } from "./constants";

/** HTTP: feedback sent from the accessibility statement (`POST /api/accessibility/feedback`). */
export const accessibilityFeedbackSchema = z
  .object({
    message: plainText(FEEDBACK_LIMITS.messageMax),
    contact: plainText(FEEDBACK_LIMITS.contactMax, 0),
    about: plainText(FEEDBACK_LIMITS.aboutMax, 0),
    locale: localeSchema,
  })
  .strict();
export type AccessibilityFeedback = z.infer<typeof accessibilityFeedbackSchema>;

export interface AccessibilityFeedbackResponse {
  id: string;
  /** Days within which the operator promises an answer. */
  replyDays: number;
}

/** HTTP: what the operator configured for the statement (`GET /api/accessibility`). */
export interface AccessibilityInfoResponse {
  /** ACCESSIBILITY_CONTACT (an e-mail address, a phone number…), or null when unset. */
  contact: string | null;
}
