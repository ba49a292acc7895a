import type {
  AccessibilityFeedback,
  AccessibilityFeedbackResponse,
  AccessibilityInfoResponse,
} from "../../shared/protocol";
import { request } from "../session/api";

export function fetchAccessibilityInfo(): Promise<AccessibilityInfoResponse> {
  return request("/api/accessibility");
}

export function sendAccessibilityFeedback(feedback: AccessibilityFeedback): Promise<AccessibilityFeedbackResponse> {
  return request("/api/accessibility/feedback", { method: "POST", body: JSON.stringify(feedback) });
}
