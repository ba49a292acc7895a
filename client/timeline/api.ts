import type { TimelineResponse } from "../../shared/protocol";
import { ApiError } from "../session/api";
import { takeLinkSecret } from "../session/link-secrets";

/** The secret this browser holds for the session, a facilitator's first, else a coach's. */
export function debriefSecret(code: string): string | undefined {
  const host = takeLinkSecret("host", code);
  const coach = takeLinkSecret("coach", code);
  return host ?? coach;
}

/** The whole log; the secret travels in a header, never in the URL. */
export async function fetchTimeline(code: string, secret: string | undefined): Promise<TimelineResponse> {
  let response: Response;
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(code)}/timeline`, {
      headers: secret ? { authorization: `Bearer ${secret}` } : {},
    });
  } catch {
    throw new ApiError(0, "network");
  }
  const body = (await response.json().catch(() => ({}))) as TimelineResponse & { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? "network");
  return body;
}
