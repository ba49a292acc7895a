import type { RoomModule } from "../session/module";
import { methodsCommands } from "./commands";
import { METHODS_RUN_ID, methodsRunRecord } from "./records";
import { groupOf, placeArrival } from "../../shared/methods/run";
import type { ClientPrivate } from "../commands/dispatch";
import { commitRun, presentParticipants, restoreRun, runOf, tell, tellUids } from "./runtime";
import { glassScreens } from "./troika";
import { placeArrivalInZone } from "./arrange";
import { cardPassCommands } from "./card-commands";
import { placeOf } from "../hybrid/seating";
import { CARD_PASS_ID, cardPassRecord, restoreCardPass } from "./card-pass";
import { passDueSheets, sheetPassCommands } from "./sheet-commands";
import { hushedSessions, sheetPassRecord, sheetPasses } from "./sheet-pass";
import { marketCommands } from "./market-commands";
import { marketRecord, markets } from "./marketplace";
import { kanbanCommands } from "./kanban-commands";
import { kanbanRecord, restoreKanbans } from "./kanban";
import { STAGE_MARKS_ID, guardStageBoards, restoreStageMarks, stageCommands, stageMarksRecord } from "./stages";

/** How often the server looks for Brainwriting sheets whose pass time is up. */
const SHEET_CLOCK_MS = 1000;

/**
 * Session plans and their run: the facilitator's plan, the current step and each step's groups, stored
 * with the session. Everyone is told the current step and their group; only facilitators see the plan.
 * Next and Back also move the room (arrange.ts): groups to breakout zones with the prompt and the time,
 * everyone to the plenary for an all-together step; and the boards (boards.ts): the pairs' notes onto
 * the four's board, the harvest wall at a harvest step, both undone by Back; 25/10's card pass, Open
 * Space's marketplaces and Lean Coffee's boards (card-pass.ts, marketplace.ts, kanban.ts), each in a
 * record of its own (a marketplace or a board for each step that opened one); Troika's one-way glass
 * (troika.ts), which movement and voice honour as a screen; and Brainwriting's sheets (sheet-pass.ts),
 * each step's in a record of its own, passed by the server's clock, whose silent writing voice honours.
 */
export const methodsModule: RoomModule = {
  name: "methods",
  commands: [
    ...methodsCommands,
    ...cardPassCommands,
    ...sheetPassCommands,
    ...marketCommands,
    ...kanbanCommands,
    ...stageCommands,
  ],
  recordKinds: [
    methodsRunRecord.kind,
    cardPassRecord.kind,
    sheetPassRecord.kind,
    marketRecord.kind,
    kanbanRecord.kind,
    stageMarksRecord.kind,
  ],
  setup(room) {
    room.clock.setInterval(() => void passDueSheets(room), SHEET_CLOCK_MS);
    guardStageBoards(room);
  },
  restore(room, records) {
    const stored = records.find((r) => r.kind === methodsRunRecord.kind && r.id === METHODS_RUN_ID);
    if (!stored) return;
    try {
      restoreRun(room, methodsRunRecord.decode(stored));
    } catch (error) {
      console.error("methods run unreadable:", error instanceof Error ? error.message : error);
    }
    const pass = records.find((r) => r.kind === cardPassRecord.kind && r.id === CARD_PASS_ID);
    if (pass) {
      try {
        restoreCardPass(room, cardPassRecord.decode(pass));
      } catch (error) {
        console.error("card pass unreadable:", error instanceof Error ? error.message : error);
      }
    }
    sheetPasses.restore(room, records);
    markets.restore(room, records);
    restoreKanbans(room, records);
    const marks = records.find((r) => r.kind === stageMarksRecord.kind && r.id === STAGE_MARKS_ID);
    if (marks) {
      try {
        restoreStageMarks(room, stageMarksRecord.decode(marks));
      } catch (error) {
        console.error("stage marks unreadable:", error instanceof Error ? error.message : error);
      }
    }
  },
  // A joiner is not told at once: the client drops messages it has no handler for yet, so its methods
  // view asks with `methods.sync` when it mounts. Changes are told to everyone as they happen.
  onJoin(room, client, person) {
    const uid = (client.userData as ClientPrivate | undefined)?.uid;
    const run = runOf(room);
    if (!uid || person.role !== "participant") return;
    // Someone arriving during a step is placed in a group at once, by the same rules (a room device,
    // which is no one, is not among those present).
    const place = placeOf(room, client.sessionId);
    if (place?.seat === "device") return;
    const self = { id: uid, organisation: person.organisation, ...(place ? { table: place.physical.id } : {}) };
    const present = presentParticipants(room).filter((p) => p.id !== uid);
    const placed = placeArrival(run, self, [...present, self]);
    if (placed !== run) {
      // Stored first; then they walk into their group's zone (the step's send-out has already happened).
      void commitRun(room, placed, room.services.now()).then((stored) => {
        if (stored && runOf(room) === placed) placeArrivalInZone(room, placed, uid, client.sessionId);
      });
      return;
    }
    // The others in the joiner's group (someone coming back after a drop or a restart) see them again.
    const group = groupOf(run, uid);
    if (group.length > 1) tellUids(room, group, client);
  },
  onPersonRoleChanged(room, id) {
    const client = room.clientById(id);
    if (client) tell(room, client);
  },
  // Troika's advice phase: each client behind one-way glass, screened from their consultants.
  screens: (room) => glassScreens(room, runOf(room)),
  // Brainwriting's silent writing: the groups' members are heard by nobody until the voice is opened.
  hushed: (room) => hushedSessions(room, runOf(room)),
};
