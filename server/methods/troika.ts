import { oneWayGlass } from "../../shared/methods/troika";
import type { MethodsRun } from "../../shared/methods/run";
import type { RoomApi } from "../commands/registry";
import type { ClientPrivate } from "../commands/dispatch";

/**
 * The one-way glass of the current Troika step in this room's terms: each screened person's session
 * id → the session ids of those who must neither see nor hear them (shared/methods/troika.ts decides
 * who, by uid; people not connected are left out).
 */
export function glassScreens(room: RoomApi, run: MethodsRun): Map<string, Set<string>> {
  const screens = new Map<string, Set<string>>();
  const glass = oneWayGlass(run);
  if (glass.size === 0) return screens;
  const sessionOf = new Map<string, string>();
  for (const client of room.clients) {
    const uid = (client.userData as ClientPrivate | undefined)?.uid;
    if (uid) sessionOf.set(uid, client.sessionId);
  }
  for (const [client, consultants] of glass) {
    const id = sessionOf.get(client);
    if (!id) continue;
    const from = new Set(consultants.flatMap((uid) => sessionOf.get(uid) ?? []));
    if (from.size > 0) screens.set(id, from);
  }
  return screens;
}

/** The session ids kept from `viewer` behind the glass (their Troika client), for their page. */
export function hiddenFrom(screens: ReadonlyMap<string, ReadonlySet<string>>, viewer: string): string[] {
  return [...screens].filter(([, from]) => from.has(viewer)).map(([id]) => id);
}
