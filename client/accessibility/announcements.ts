/**
 * What a screen-reader user is told about the room, decided from two moments of it: the things a
 * sighted person notices by looking (they were moved, a vote opened, their hand is next). Timers,
 * broadcasts and errors already speak through their own polite regions, so they are not repeated here.
 */

/** The part of the room that announcements look at. */
export interface RoomMoment {
  /** Our zone's id; "" in the plenary. */
  zone: string;
  /** Votes on boards whose contents reach us. */
  votes: readonly { id: string; boardId: string; open: boolean }[];
  /** Our place in the raised-hands queue: 1 = next, 0 = hand not raised. */
  handPlace: number;
}

export type Announcement =
  | { kind: "zone"; zoneId: string }
  | { kind: "voteOpen"; boardId: string }
  | { kind: "voteEnded"; boardId: string }
  | { kind: "handNext" };

/** What changed between two moments that is worth saying; nothing for the first moment (arriving is not news). */
export function announcementsBetween(before: RoomMoment | null, after: RoomMoment): Announcement[] {
  if (!before) return [];
  const out: Announcement[] = [];
  if (before.zone !== after.zone) out.push({ kind: "zone", zoneId: after.zone });
  const wasOpen = new Set(before.votes.filter((v) => v.open).map((v) => v.id));
  const known = new Set(before.votes.map((v) => v.id));
  for (const vote of after.votes) {
    // Said as "a vote is open": it may have just started, or we just came to where it runs.
    if (vote.open && !known.has(vote.id)) out.push({ kind: "voteOpen", boardId: vote.boardId });
    if (!vote.open && wasOpen.has(vote.id)) out.push({ kind: "voteEnded", boardId: vote.boardId });
  }
  // Moving up to first place is news; raising a hand into an empty queue is what we just did ourselves.
  if (after.handPlace === 1 && before.handPlace > 1) out.push({ kind: "handNext" });
  return out;
}

/** Our place in the queue of raised hands (oldest first), 0 when ours is down. */
export function handPlace(people: readonly { id: string; handRaisedAt: number }[], selfId: string): number {
  const queue = people.filter((p) => p.handRaisedAt > 0).sort((a, b) => a.handRaisedAt - b.handRaisedAt);
  return queue.findIndex((p) => p.id === selfId) + 1;
}
