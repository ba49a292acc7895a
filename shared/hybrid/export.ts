import type { TranslateParams, TranslationKey } from "../i18n";

/** Who took part from which physical room, as stored (names as they were when they joined). */
export interface HybridAttendance {
  /** The person's stable uid in the session (as on their notes). */
  uid: string;
  name: string;
  room: string;
  as: "seat" | "device";
}

/** What exports say of the hybrid room: the rooms, and who took part from each. */
export interface ExportHybrid {
  rooms: { name: string; seats: number }[];
  attendance: HybridAttendance[];
}

type T = (key: TranslationKey, params?: TranslateParams) => string;

/** Uids of people who sat in a physical room (room devices are equipment and write nothing). */
export function inRoomUids(hybrid: ExportHybrid | undefined): ReadonlySet<string> {
  return new Set(hybrid?.attendance.filter((a) => a.as === "seat").map((a) => a.uid) ?? []);
}

/**
 * The hybrid section of the Markdown summary: each room with who sat in it, and how many of the
 * named notes came from the rooms, so a facilitator sees afterwards whether the room or the remote
 * people carried the work. Anonymous notes are never counted: their authors stay unknown.
 */
export function hybridMarkdownLines(
  hybrid: ExportHybrid | undefined,
  notes: readonly { authorUid: string; anonymous: boolean }[],
  t: T,
  escape: (text: string) => string,
): string[] {
  if (!hybrid || (hybrid.rooms.length === 0 && hybrid.attendance.length === 0)) return [];
  const lines = [`## ${t("doc.hybrid")}`, ""];
  const rooms = new Map(hybrid.rooms.map((r) => [r.name, r.seats]));
  for (const a of hybrid.attendance) if (!rooms.has(a.room)) rooms.set(a.room, 0);
  for (const [name, seats] of rooms) {
    const seated = [...new Set(hybrid.attendance.filter((a) => a.room === name && a.as === "seat").map((a) => a.name))];
    const people = seated.length > 0 ? seated.map(escape).join(", ") : t("doc.nobody");
    lines.push(`- ${t("doc.hybridRoom", { name: escape(name), seats, people })}`);
  }
  const uids = inRoomUids(hybrid);
  const named = notes.filter((n) => !n.anonymous);
  const fromRooms = named.filter((n) => uids.has(n.authorUid)).length;
  lines.push("", t("doc.hybridNotes", { room: fromRooms, remote: named.length - fromRooms }), "");
  return lines;
}
