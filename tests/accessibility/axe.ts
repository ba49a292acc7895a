import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** axe-core's own build, read from node_modules and handed to the page: nothing is fetched. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** One kind of problem axe found on one screen, with a few of the elements it found it on. */
export interface Violation {
  state: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[] }[];
  }[];
}

declare global {
  interface Window {
    axe?: { run(context: object, options: object): Promise<AxeResult> };
  }
}

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations, named by
 * `state`. The page's context must bypass the Content-Security-Policy: axe is an inline script.
 */
export async function audit(page: Page, state: string): Promise<Violation[]> {
  const started = Date.now();
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(() =>
    // The 3D canvas has no DOM to audit; its 2D alternative is audited instead.
    window.axe!.run({ exclude: [["canvas"]] }, { resultTypes: ["violations"] }),
  );
  if (process.env.AXE_PROGRESS) console.log(`axe ${state}: ${Date.now() - started} ms`);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      state,
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      targets: v.nodes.slice(0, 4).map((n) => n.target.map(String).join(" ")),
    }));
}

/** One line per violation, for a failure message a person can act on. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `[${v.state}] ${v.rule} (${v.impact}): ${v.help} — ${v.targets.join(" | ")}`).join("\n");
}
