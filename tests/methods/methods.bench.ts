/**
 * Figures for issue 10, printed rather than asserted: how long the shared rules take to form a step's
 * groups for a full room (goal for applying a whole step on the server: under 50 ms at 150 people),
 * and how large each template's plan is on the wire (one WebSocket message may be at most 16 KiB).
 * Run: npx tsx tests/methods/methods.bench.ts [people]
 */
import { MAX_MESSAGE_BYTES } from "../../shared/protocol";
import type { Person } from "../../shared/methods/grouping";
import { emptyRun, nextStep, withPlan, type MethodsRun } from "../../shared/methods/run";
import { TEMPLATE_IDS, templatePlan } from "../../shared/methods/templates";
import { zoneMerges, zonesOfEntries } from "../../shared/methods/choreography";

const PEOPLE = Number(process.argv[2] ?? 150);
const ORGS = ["Kela", "Verohallinto", "Espoo", "Traficom", "Vantaa", ""];
const people: Person[] = Array.from({ length: PEOPLE }, (_, i) => ({
  id: `uid-${i.toString(36).padStart(6, "0")}`,
  organisation: ORGS[i % ORGS.length]!,
}));

let n = 0;
const newId = () => `b${++n}`;
/** As many zones as the largest step has groups (75 pairs), so every step's zones and merges are worked out. */
const ZONE_IDS = Array.from({ length: 80 }, (_, i) => `z${i}`);

console.log(`Forming each step's groups for ${PEOPLE} people (shared rules, median of 5 runs):`);
let worst = { ms: 0, where: "" };
for (const id of TEMPLATE_IDS) {
  const plan = templatePlan(id, "fi", newId);
  const perStep: number[] = [];
  const zoning: number[] = [];
  let run: MethodsRun = withPlan(emptyRun(0), plan, 20261205);
  for (let step = 0; step < plan.steps.length; step++) {
    const times: number[] = [];
    let result: ReturnType<typeof nextStep> | null = null;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      result = nextStep(run, people, Date.now());
      times.push(performance.now() - t0);
    }
    if (!result?.ok) throw new Error(`${id} step ${step + 1} refused: ${result?.ok === false ? result.issue.key : ""}`);
    run = result.run;
    const placed = run;
    const zoneTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      zoneMerges(placed.plan!, placed.entries, zonesOfEntries(placed.plan!, placed.entries, ZONE_IDS));
      zoneTimes.push(performance.now() - t0);
    }
    zoning.push(zoneTimes.sort((a, b) => a - b)[2]!);
    const median = times.sort((a, b) => a - b)[2]!;
    perStep.push(median);
    if (median > worst.ms) worst = { ms: median, where: `${id} step ${step + 1} (${plan.steps[step]!.grouping.kind})` };
  }
  const bytes = Buffer.byteLength(JSON.stringify({ plan }));
  console.log(
    `  ${id.padEnd(14)} ${plan.steps.length.toString().padStart(2)} steps  max ${Math.max(...perStep).toFixed(2)} ms  ` +
      `zones+merges max ${Math.max(...zoning).toFixed(2)} ms  ` +
      `plan message ${bytes} B (${((bytes / MAX_MESSAGE_BYTES) * 100).toFixed(0)}% of ${MAX_MESSAGE_BYTES})`,
  );
}
console.log(`Slowest step: ${worst.ms.toFixed(2)} ms, ${worst.where}`);
