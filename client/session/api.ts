import type { CreateSessionResponse, SessionInfoResponse } from "../../shared/protocol";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  } catch {
    throw new ApiError(0, "network");
  }
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw new ApiError(response.status, body.error ?? "network");
  return body as T;
}

export function createSession(title: string): Promise<CreateSessionResponse> {
  return request("/api/sessions", { method: "POST", body: JSON.stringify({ title }) });
}

export function fetchSessionInfo(code: string): Promise<SessionInfoResponse> {
  return request(`/api/sessions/${encodeURIComponent(code)}`);
}

const prefetched = new Map<string, Promise<SessionInfoResponse>>();

/**
 * Asks what a session offers as the page starts (main.tsx), in parallel with the language's strings,
 * instead of after the first render: the join form waits for this answer.
 */
export function prefetchSessionInfo(code: string): void {
  const info = fetchSessionInfo(code);
  info.catch(() => undefined); // whoever takes it hears the failure
  prefetched.set(code, info);
}

/** The answer asked for as the page started, the first time; a fresh one after that. */
export function takeSessionInfo(code: string): Promise<SessionInfoResponse> {
  const info = prefetched.get(code);
  prefetched.delete(code);
  return info ?? fetchSessionInfo(code);
}

/** "valid" or "invalid" for a facilitator key, or "unknown" when the server could not be asked. */
export async function checkFacilitatorKey(code: string, secret: string): Promise<"valid" | "invalid" | "unknown"> {
  try {
    const response = await fetch(`/api/sessions/${encodeURIComponent(code)}/facilitator-check`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}` },
    });
    if (response.status === 204) return "valid";
    return response.status === 401 ? "invalid" : "unknown";
  } catch {
    return "unknown";
  }
}
