import { currentStep, extendStep, nextStep, previousStep, withPlan } from "../../shared/methods/run";
import { validatePlan } from "../../shared/methods/rules";
import { defineCommand } from "../commands/registry";
import { commitRun, newSeed, presentParticipants, runOf, tell, tellFacilitators } from "./runtime";
import { arrangeRoom, extendZoneClocks, zonesShortOf } from "./arrange";
import { commitBoards, stepBoardChanges, undoStepBoardChanges } from "./boards";
import type { RoomApi } from "../commands/registry";

/** Moves the room to the step just stored; facilitators hear of groups that found no zone. */
async function arrange(room: RoomApi, now: number): Promise<void> {
  await arrangeRoom(room, runOf(room), now);
  if (zonesShortOf(room)) tellFacilitators(room);
}

// Plans are small and rare; steps are pressed by hand. Both limits only stop a runaway client.
const PLAN_RATE = { perSecond: 1, burst: 5 };
// A facilitator may click through a whole plan to reach a step (a rehearsal, a skipped part).
const STEP_RATE = { perSecond: 5, burst: 30 };

export const methodsCommands = [
  defineCommand({
    name: "methods.sync",
    permission: "reader",
    rate: { perSecond: 2, burst: 5 },
    overRate: "reject",
    run(ctx) {
      tell(ctx.room, ctx.client);
    },
  }),
  defineCommand({
    name: "methods.plan.save",
    permission: "facilitator",
    rate: PLAN_RATE,
    overRate: "reject",
    async run(ctx, { plan }) {
      const issue = validatePlan(plan)[0];
      // The detail is the issue's string key, which the client translates.
      if (issue) return { error: "invalid_payload", detail: issue.key };
      const saved = await commitRun(ctx.room, withPlan(runOf(ctx.room), plan, newSeed()), ctx.now);
      if (!saved) return { error: "storage_failed" };
    },
  }),
  defineCommand({
    name: "methods.step.next",
    permission: "facilitator",
    rate: STEP_RATE,
    overRate: "reject",
    async run(ctx, { from }) {
      const run = runOf(ctx.room);
      if (!run.plan) return { error: "not_found", detail: "plan" };
      // Someone (a co-facilitator) has moved on since the sender looked: do not skip a step.
      if (from !== currentStep(run)) return { error: "invalid_payload", detail: "methods.stale" };
      const result = nextStep(run, presentParticipants(ctx.room), ctx.now);
      if (!result.ok) return { error: "invalid_payload", detail: result.issue.key };
      // The step's board moves are stored with it (for Back) before they are made: the run is
      // committed first so a second press is checked against it at once. Should storing the boards
      // then fail, the notes stay where they were, and Back finds them already home.
      const { changes, record, capture } = stepBoardChanges(ctx.room, result.run, ctx.now);
      const entries = result.run.entries;
      const next = {
        ...result.run,
        entries: [...entries.slice(0, -1), { ...entries.at(-1)!, boards: record, capture }],
      };
      if (!(await commitRun(ctx.room, next, ctx.now))) return { error: "storage_failed" };
      await commitBoards(ctx.room, changes);
      await arrange(ctx.room, ctx.now);
    },
  }),
  defineCommand({
    name: "methods.step.back",
    permission: "facilitator",
    rate: STEP_RATE,
    overRate: "reject",
    async run(ctx, { from }) {
      const run = runOf(ctx.room);
      if (!run.plan) return { error: "not_found", detail: "plan" };
      if (from !== currentStep(run)) return { error: "invalid_payload", detail: "methods.stale" };
      const result = previousStep(run);
      if (!result.ok) return { error: "invalid_payload", detail: result.issue.key };
      // Notes the step carried onto a merged board go home; a harvest wall nobody added to comes down.
      const undo = undoStepBoardChanges(ctx.room, run.entries.at(-1), ctx.now);
      if (!(await commitRun(ctx.room, result.run, ctx.now))) return { error: "storage_failed" };
      await commitBoards(ctx.room, undo);
      // Back restores the arrangement the step had: its groups in their zones again.
      await arrange(ctx.room, ctx.now);
    },
  }),
  defineCommand({
    name: "methods.step.extend",
    permission: "facilitator",
    rate: STEP_RATE,
    overRate: "reject",
    async run(ctx, { from, minutes }) {
      const run = runOf(ctx.room);
      if (!run.plan) return { error: "not_found", detail: "plan" };
      // An Extend meant for a step that has since ended must not lengthen the next one.
      if (from !== currentStep(run)) return { error: "invalid_payload", detail: "methods.stale" };
      const result = extendStep(run, minutes * 60);
      if (!result.ok) return { error: "invalid_payload", detail: result.issue.key };
      if (!(await commitRun(ctx.room, result.run, ctx.now))) return { error: "storage_failed" };
      await extendZoneClocks(ctx.room, result.run, ctx.now);
    },
  }),
];
