import { troikaRoles } from "./grouping";
import { currentStep, type MethodsRun } from "./run";

/**
 * Troika Consulting's one-way glass (issue 10): in the advice phase each group's client turns away
 * and listens while the two consultants talk about their case as if they were not there. The server
 * makes it real: the consultants receive nothing of the client (no voice packet, no movement), while
 * the client still hears and sees them. Pure: the current step of the run decides.
 */

/** Who is behind the glass and from whom: each client's uid → the uids of their consultants. */
export function oneWayGlass(run: MethodsRun): Map<string, string[]> {
  const glass = new Map<string, string[]>();
  const step = currentStep(run);
  const mechanic = step >= 0 ? run.plan?.steps[step]?.mechanic : undefined;
  if (mechanic?.kind !== "troika" || !mechanic.oneWayGlass) return glass;
  for (const group of run.entries.at(-1)?.groups ?? []) {
    // A group of one has nobody to consult; nothing to screen.
    if (group.length < 2) continue;
    const { client, consultants } = troikaRoles(group, mechanic.client);
    glass.set(client, consultants);
  }
  return glass;
}

/** One person's part in the current Troika step, for their Now card; null outside Troika. */
export type TroikaPart = { role: "client" | "consultant"; glass: boolean } | null;

export function troikaPartOf(run: MethodsRun, uid: string): TroikaPart {
  const step = currentStep(run);
  const mechanic = step >= 0 ? run.plan?.steps[step]?.mechanic : undefined;
  if (mechanic?.kind !== "troika") return null;
  const group = run.entries.at(-1)?.groups.find((g) => g.includes(uid));
  if (!group || group.length < 2) return null;
  const { client } = troikaRoles(group, mechanic.client);
  return { role: client === uid ? "client" : "consultant", glass: mechanic.oneWayGlass };
}
