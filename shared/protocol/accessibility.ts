import { z } from "zod";
import { localeSchema, plainText } from "./common";

/** Limits of the accessibility feedback form, shared by the form and the server that checks it. */
export const FEEDBACK_LIMITS = { messageMax: 2000, contactMax: 200, aboutMax: 200 } as const;

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
