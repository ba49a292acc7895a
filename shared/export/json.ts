import { inRoomUids } from "../hybrid/export";
import { NOTE_COLORS } from "../boards/model";
import { exportBoards, zoneNamer, type ExportInput } from "./common";
import type { ExportSheetStep } from "../methods/sheet-pass";

const sheetGroups = (sheetStep: ExportSheetStep) => sheetStep.groups.map((sheets) => ({ sheets }));

/** One shape however many Brainwriting steps ran (as leanCoffee's boards), so readers handle one. */
function brainwritingJson(steps: readonly ExportSheetStep[]) {
  return { steps: steps.map((s) => ({ n: s.n, step: s.step, groups: sheetGroups(s) })) };
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Everything, machine-readable: the same content as the other exports with ids, positions, settings
 * and exact times (ISO 8601, UTC). Authors of anonymous notes are absent; private notes not yet
 * revealed are only counted. Person ids never leave the server.
 */
export function buildJson(input: ExportInput): string {
  const zoneName = zoneNamer(input);
  const boards = exportBoards(input).map((entry) => ({
    id: entry.board.id,
    title: entry.title,
    zone: entry.board.zoneId || null,
    where: entry.where,
    placement: {
      x: entry.board.x,
      z: entry.board.z,
      yaw: entry.board.yaw,
      width: entry.board.width,
      height: entry.board.height,
    },
    locked: entry.board.locked,
    participantsMayCluster: entry.board.clustering,
    privateRounds: [
      ...entry.board.rounds.map((r) => ({
        anonymous: r.anonymous,
        startedAt: iso(r.startedAt),
        revealedAt: iso(r.revealedAt),
      })),
      ...(entry.board.round
        ? [{ anonymous: entry.board.round.anonymous, startedAt: iso(entry.board.round.startedAt), revealedAt: null }]
        : []),
    ],
    clusters: entry.clusters.map(({ cluster, title }) => ({
      id: cluster.id,
      title,
      x: cluster.x,
      y: cluster.y,
      width: cluster.width,
      height: cluster.height,
    })),
    notes: entry.notes.map((note) => ({
      id: note.id,
      text: note.text,
      colour: NOTE_COLORS[note.color]?.hex ?? NOTE_COLORS[0].hex,
      clusterId: note.clusterId || null,
      x: note.x,
      y: note.y,
      author: note.anonymous ? null : note.authorName,
      // Present only for sessions with a physical room; never for an anonymous note.
      ...(input.hybrid ? { inRoom: !note.anonymous && inRoomUids(input.hybrid).has(note.authorUid) } : {}),
      anonymous: note.anonymous,
      // TRIZ's marks, only on the notes that carry them.
      ...(input.stageMarks?.tags.includes(note.id) ? { weAlreadyDoThis: true } : {}),
      ...(input.stageMarks?.owners[note.id] ? { owner: input.stageMarks.owners[note.id] } : {}),
      createdAt: iso(note.createdAt),
      updatedAt: iso(note.updatedAt),
    })),
    unrevealedNotes: entry.hiddenCount,
    votes: entry.votes.map((vote) => ({
      id: vote.id,
      perPerson: vote.perPerson,
      maxPerNote: vote.maxPerNote,
      anonymous: vote.anonymous,
      startedAt: iso(vote.startedAt),
      endsAt: iso(vote.endsAt),
      endedAt: iso(vote.endedAt),
      ballot: vote.noteIds,
      results: vote.results,
    })),
  }));
  const body = {
    format: "yhteistila-export",
    version: 1,
    exportedAt: iso(input.exportedAt),
    session: {
      code: input.session.code,
      title: input.session.title,
      createdAt: iso(input.session.createdAt),
      endedAt: iso(input.session.endedAt),
    },
    // The plan's steps as they ran, with the ids of the boards each put up or wrote on.
    ...(input.steps && input.steps.length > 0
      ? {
          steps: input.steps.map((step) => ({
            n: step.n,
            title: step.title,
            plannedSeconds: step.plannedSeconds,
            extendedSeconds: step.extendedSeconds,
            startedAt: iso(step.startedAt),
            endedAt: iso(step.endedAt),
            groups: step.groups,
            boards: step.boards.map((b) => ({ id: b.id, notes: b.notes })),
          })),
        }
      : {}),
    zones: input.zones.map((zone) => ({ id: zone.id, name: zoneName(zone.id), task: zone.task })),
    breakouts: input.breakouts.map((b) => ({
      at: iso(b.at),
      seconds: b.seconds,
      task: b.task,
      groups: b.groups.map((g) => ({
        zone: g.zone,
        zoneName: zoneName(g.zone),
        people: g.people,
        task: g.task ?? null,
      })),
    })),
    ...(input.hybrid
      ? {
          physicalRooms: input.hybrid.rooms.map((room) => ({
            ...room,
            inRoom: [
              ...new Set(
                input.hybrid!.attendance.filter((a) => a.room === room.name && a.as === "seat").map((a) => a.name),
              ),
            ],
          })),
        }
      : {}),
    boards,
    // 25/10's revealed results (text, total, rank), only when a pass was revealed.
    ...(input.crowdSourcing && input.crowdSourcing.length > 0
      ? { crowdSourcing: { results: input.crowdSourcing } }
      : {}),
    // Brainwriting's sheets by group (rows of ideas, no authors), only when there were any: always
    // { steps }, each its step and its { groups }, however many steps ran.
    ...(input.brainwriting && input.brainwriting.length > 0
      ? { brainwriting: brainwritingJson(input.brainwriting) }
      : {}),
    // Open Space's marketplaces, one per step that opened one, in one shape however many there were:
    // each its step and its topics with their convener, note-taker and session notes.
    ...(input.openSpace && input.openSpace.length > 0
      ? { openSpace: { steps: input.openSpace.map(({ n, step, topics }) => ({ n, step, topics })) } }
      : {}),
    // Lean Coffee's boards, one per Lean Coffee step: its title, and its topics in queue order with
    // their column and outcome as plain values.
    ...(input.leanCoffee && input.leanCoffee.length > 0 ? { leanCoffee: { boards: input.leanCoffee } } : {}),
    // The debrief timeline as kept (shared/timeline/log.ts), only when one was.
    ...(input.timeline && input.timeline.length > 0 ? { timeline: { items: input.timeline } } : {}),
  };
  return JSON.stringify(body, null, 2) + "\n";
}
