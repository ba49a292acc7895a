import { Client } from "@colyseus/sdk";
import { PROTOCOL_VERSION, SESSION_ROOM, type CoachLinkResponse } from "../../shared/protocol";
import type { SessionState } from "../../shared/session/state";
import { waitForState, type SdkSessionRoom, type TestServer } from "./server";
import { keepPoses } from "./poses";

/** A new coach link's secret, made by a facilitator of the session. */
export async function coachSecretFor(server: TestServer, code: string, facilitatorSecret: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/sessions/${code}/coach-link`, {
    method: "POST",
    headers: { authorization: `Bearer ${facilitatorSecret}` },
  });
  if (response.status !== 201) throw new Error(`coach link: HTTP ${response.status}`);
  return ((await response.json()) as CoachLinkResponse).coachSecret;
}

/** Joins as a coach; a coach has no entry in `people`, so the first full state is the one with the code. */
export async function joinAsCoach(
  server: TestServer,
  code: string,
  coachSecret: string,
  name = "Coach Kaisa",
): Promise<SdkSessionRoom> {
  const sdk = new Client(server.baseUrl.replace(/^http/, "ws"));
  const room: SdkSessionRoom = await sdk.joinOrCreate<SessionState>(SESSION_ROOM, {
    protocol: PROTOCOL_VERSION,
    code,
    name,
    color: 0,
    locale: "en",
    coachSecret,
  });
  keepPoses(room);
  await waitForState(room, (s) => s.code === code);
  return room;
}
