import type { Client } from "@colyseus/core";
import { applyChanges, type BoardsDoc, type DocChange } from "../../shared/boards/model";
import {
  gatherHarvest,
  mergeOntoBoard,
  returnTravelled,
  undoHarvest,
  unwrite,
  writeIdeas,
  type NoteTravel,
  type StepBoards,
} from "../../shared/boards/merge";
import { openCapture, revealCapture, undoCapture, type CaptureRecord } from "../../shared/methods/capture";
import { harvestTables, zoneMerges, zonesOfEntries } from "../../shared/methods/choreography";
import type { CaptureBoard } from "../../shared/methods/plan";
import type { MethodsRun, StepEntry } from "../../shared/methods/run";
import type { ClientPrivate } from "../commands/dispatch";
import type { RoomApi } from "../commands/registry";
import { boardsRuntimeOf } from "../boards/module";
import { newDocId } from "../boards/runtime";
import { marketOf } from "./marketplace";
import { harvestsMarket, harvestTopics } from "../../shared/methods/marketplace";
import { groupIdeas } from "../../shared/methods/sheet-pass";
import { sheetPasses } from "./sheet-pass";
import { stageBoardPlacement, stageOf, stageOwnsGroupBoards } from "../../shared/methods/stages";

/**
 * What a step does to the boards, on the server: the pairs' boards merged onto the four's board, the
 * harvest wall put up at a harvest step; and Back undoing exactly that. The rules are in
 * shared/boards/merge.ts and shared/methods/choreography.ts; this only finds the boards and stores.
 */

/** The room's breakout zones in letter order: the order a method hands them out in. */
export function zoneIdsOf(room: RoomApi): string[] {
  return [...room.state.zones.values()].sort((a, b) => a.letter.localeCompare(b.letter)).map((z) => z.id);
}

/** The zone's own board (the one a zone gets when it is made), if it still has one. */
function zoneBoardOf(room: RoomApi, zoneId: string): string | undefined {
  const doc = boardsRuntimeOf(room)?.doc;
  if (!doc) return undefined;
  return [...doc.boards.values()]
    .filter((b) => b.zoneId === zoneId && b.preset === "zone")
    .sort((a, b) => a.order - b.order || a.createdAt - b.createdAt)[0]?.id;
}

function nameOf(room: RoomApi, uid: string): string | null {
  for (const client of room.clients as Iterable<Client>) {
    if ((client.userData as ClientPrivate | undefined)?.uid === uid) {
      return room.state.people.get(client.sessionId)?.name ?? null;
    }
  }
  return null;
}

/** The note wall: where a step with everyone together writes unless it puts up a board of its own. */
function wallOf(room: RoomApi): string | null {
  const doc = boardsRuntimeOf(room)?.doc;
  return (doc && [...doc.boards.values()].find((b) => b.preset === "wall")?.id) ?? null;
}

/** The board the step a capture names put up, the last time it ran. */
export function boardPutUpBy(run: MethodsRun, board: CaptureBoard | undefined): string | null {
  if (board?.kind !== "step" || !run.plan) return null;
  const index = run.plan.steps.findIndex((step) => step.id === board.stepId);
  return run.entries.findLast((entry) => entry.step === index)?.capture?.boardId ?? null;
}

/**
 * The board changes of the step `run` has just applied (its last entry): the previous step's private
 * rounds revealed, notes carried and a harvest wall put up (`record`, for Back), and the step's own
 * capture board and round opened (`capture`). Applied in that order, so a four's board holds both
 * pairs' notes before its round starts.
 */
export function stepBoardChanges(
  room: RoomApi,
  run: MethodsRun,
  now: number,
): { changes: DocChange[]; record: StepBoards | null; capture: CaptureRecord | null } {
  const doc = boardsRuntimeOf(room)?.doc;
  const entry = run.entries.at(-1);
  const step = entry && run.plan?.steps[entry.step];
  if (!doc || !run.plan || !entry || !step) return { changes: [], record: null, capture: null };
  // Each part starts from the board as the part before left it: the merge carries revealed notes, and
  // a round starts on a four's board already holding both pairs' notes.
  const after = { ...doc, boards: new Map(doc.boards), notes: new Map(doc.notes), clusters: new Map(doc.clusters) };
  const revealed = revealCapture(after, run.entries.at(-2)?.capture, now);
  applyChanges(after, revealed);
  const steps = boardSteps(room, after, run, now);
  applyChanges(after, steps.changes);
  const stepZones = zonesOfEntries(run.plan, run.entries, zoneIdsOf(room)).at(-1) ?? [];
  const zoneBoards = stepZones.flatMap((zone) => (zone ? (zoneBoardOf(room, zone) ?? []) : []));
  const opened = openCapture(
    after,
    step.capture,
    {
      groups: zoneBoards,
      wall: wallOf(room),
      earlier: boardPutUpBy(run, step.capture?.board),
      own: ownStageBoards(room, run, stepZones),
    },
    now,
    newDocId,
  );
  return {
    changes: [...revealed, ...steps.changes, ...(opened?.changes ?? [])],
    record: steps.record,
    capture:
      opened && (opened.record.boardId || opened.record.rounds.length > 0 || opened.record.boards?.length)
        ? opened.record
        : null,
  };
}

/** Where a stage's own group boards go: beside each group's zone board (What / So What / Now What). */
function ownStageBoards(room: RoomApi, run: MethodsRun, zones: readonly (string | null)[]) {
  const entry = run.entries.at(-1)!;
  const stage = stageOf(run.plan!.steps[entry.step]);
  const doc = boardsRuntimeOf(room)?.doc;
  if (!doc || !stage || !stageOwnsGroupBoards(run.plan!, entry.step)) return undefined;
  return zones.flatMap((zoneId) => {
    const board = zoneId ? doc.boards.get(zoneBoardOf(room, zoneId) ?? "") : undefined;
    return zoneId && board ? [{ zoneId, ...stageBoardPlacement(board, stage.stage, stage.of) }] : [];
  });
}

/** Notes carried onto merged boards and the harvest wall put up, with their record for Back. */
function boardSteps(
  room: RoomApi,
  doc: BoardsDoc,
  run: MethodsRun,
  now: number,
): { changes: DocChange[]; record: StepBoards | null } {
  const entry = run.entries.at(-1)!;
  const plan = run.plan!;
  const step = plan.steps[entry.step]!;
  const zoneIds = zoneIdsOf(room);
  const zones = zonesOfEntries(plan, run.entries, zoneIds);
  // The pairs' notes: those written since the step before began (a TRIZ cycle's earlier notes stay put).
  const since = run.entries.at(-2)?.startedAt ?? entry.startedAt;
  const changes: DocChange[] = [];
  const travel: NoteTravel[] = [];
  for (const merge of zoneMerges(plan, run.entries, zones)) {
    const target = zoneBoardOf(room, merge.to);
    if (!target) continue;
    const sources = merge.from.flatMap((zone) => zoneBoardOf(room, zone) ?? []);
    const merged = mergeOntoBoard(doc, target, sources, since, now);
    changes.push(...merged.changes);
    travel.push(...merged.travel);
  }
  let harvest: StepBoards["harvest"] = null;
  if (step.mechanic?.kind === "harvest") {
    const { tables, since: from } = harvestTables(plan, run.entries, zones, zoneIds);
    const market = marketOf(room);
    const topics = market && harvestsMarket(market, run) ? harvestTopics(market, run) : [];
    // Open Space: one column per topic that ran, its zone's notes from its slot, named by topic and note-taker.
    const sources =
      topics.length > 0
        ? topics.flatMap((topic) => {
            const boardId = zoneBoardOf(room, topic.zone);
            return boardId ? [{ boardId, title: topic.title, window: topic.window }] : [];
          })
        : tables.flatMap((table) => {
            const boardId = zoneBoardOf(room, table.zoneId);
            if (!boardId) return [];
            const letter = room.state.zones.get(table.zoneId)?.letter ?? "";
            const host = table.host ? nameOf(room, table.host) : null;
            // The column is named by its table's letter (the same in every language) and its host.
            return [{ boardId, title: host ? `${letter} · ${host}` : letter }];
          });
    const gathered = gatherHarvest(doc, sources, step.title, from, now, newDocId);
    if (gathered) {
      changes.push(...gathered.changes);
      harvest = gathered.harvest;
    }
  }
  // Brainwriting: moving on from the writing, each group's ideas go onto its board, to cluster and vote on.
  const written: string[] = [];
  const writing = run.entries.length - 2;
  const sheets = sheetPasses.at(room, writing);
  if (sheets) {
    sheets.groups.forEach((group, g) => {
      const zone = zones[writing]?.[g];
      const boardId = zone ? zoneBoardOf(room, zone) : null;
      if (!boardId) return;
      const ideas = writeIdeas(doc, boardId, groupIdeas(group), now, newDocId);
      changes.push(...ideas.changes);
      written.push(...ideas.written);
    });
  }
  if (travel.length === 0 && !harvest && written.length === 0) return { changes, record: null };
  return { changes, record: { travel, harvest, written } };
}

/** The board changes that undo what `entry` did (Back, or a step that could not be stored). */
export function undoStepBoardChanges(room: RoomApi, entry: StepEntry | undefined, now: number): DocChange[] {
  const doc = boardsRuntimeOf(room)?.doc;
  if (!doc || !entry || (!entry.boards && !entry.capture)) return [];
  return [
    ...undoCapture(doc, entry.capture),
    ...(entry.boards?.harvest ? undoHarvest(doc, entry.boards.harvest) : []),
    ...unwrite(doc, entry.boards?.written ?? []),
    ...returnTravelled(doc, entry.boards?.travel ?? [], now),
  ];
}

/** Stores and shows board changes; false when they could not be stored (nothing changed then). */
export async function commitBoards(room: RoomApi, changes: readonly DocChange[]): Promise<boolean> {
  const runtime = boardsRuntimeOf(room);
  if (!runtime || changes.length === 0) return true;
  const outcome = await runtime.commit(changes);
  if (outcome) console.error(`methods: boards not changed: ${outcome.error}`);
  return !outcome;
}
