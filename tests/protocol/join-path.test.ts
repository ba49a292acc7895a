import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The client must be able to show the join form and the room without zod (about 26 KB gzip): it
 * imports the protocol's names and limits from zod-free files (shared/protocol/constants.ts,
 * shared/boards/basics.ts) and leaves validation to the server. This follows the static imports
 * (not `import type`, not dynamic `import()`) from the page's entry and from the room, and names the
 * chain to any file that imports zod. `npm run bench:join` prints the download itself.
 */
const ENTRIES = ["client/main.tsx", "client/space/SessionSpace.tsx"];

const STATEMENT = /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+"([^"]+)";?|^import\s+"([^"]+)";?/gm;

function runtimeImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(STATEMENT)) {
    const [, typeOnly, clause, from, bare] = match;
    if (bare) found.push(bare);
    if (!from || typeOnly) continue;
    // `import { type A, type B } from` carries no value either.
    const names = clause!
      .match(/\{([\s\S]*)\}/)?.[1]
      ?.split(",")
      .map((name) => name.trim())
      .filter(Boolean);
    const onlyTypes =
      names !== undefined && !/^\w|^\*/.test(clause!.trim()) && names.every((n) => n.startsWith("type "));
    if (!onlyTypes) found.push(from);
  }
  return found;
}

function resolveFile(from: string, specifier: string): string | null {
  const base = join(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Every file reached, each with the chain of imports that reached it first. */
function reachable(entries: string[]): Map<string, string[]> {
  const chains = new Map<string, string[]>(entries.map((entry) => [entry, [entry]]));
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      if (!specifier.startsWith(".")) {
        if (specifier === "zod" || specifier.startsWith("zod/")) chains.set(`${file} -> zod`, chains.get(file)!);
        continue;
      }
      const target = resolveFile(file, specifier);
      if (!target || chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, relative(".", target)]);
      queue.push(target);
    }
  }
  return chains;
}

describe("the join's JavaScript", () => {
  it("reaches no file importing zod from the page or the room", () => {
    const chains = reachable(ENTRIES);
    const zod = [...chains].filter(([key]) => key.endsWith("-> zod")).map(([, chain]) => chain.join(" -> "));
    expect(zod).toEqual([]);
    expect(chains.size).toBeGreaterThan(50); // the walk did follow the imports
  });

  it("would notice a file importing zod", () => {
    expect(runtimeImports('import { z } from "zod";\nimport type { Y } from "./y";')).toEqual(["zod"]);
    expect(runtimeImports('import { type A, type B } from "./a";\nexport { C } from "./c";')).toEqual(["./c"]);
    expect(runtimeImports('import {\n  A,\n  type B,\n} from "./a";')).toEqual(["./a"]);
  });
});
