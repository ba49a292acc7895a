import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as THREE from "three";
import { describe, expect, it } from "vitest";
import { threeCatalogue } from "../../client/space/three-catalogue";

function* filesUnder(dir: string, pattern: RegExp): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path, pattern);
    else if (pattern.test(name)) yield path;
  }
}

/** Lower-case JSX element names whose class three.js exports (`<mesh>` → Mesh); SVG's <path> is not one. */
function threeElements(source: string, pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const match of source.matchAll(pattern)) {
    const name = match[1]!;
    const className = name[0]!.toUpperCase() + name.slice(1);
    if (name !== "path" && className in THREE) found.add(className);
  }
  return found;
}

describe("three.js catalogue of the Canvas", () => {
  it("has every three.js element our scenes write", () => {
    const used = new Set<string>();
    for (const file of filesUnder("client", /\.tsx$/)) {
      for (const name of threeElements(readFileSync(file, "utf8"), /<([a-z][A-Za-z0-9]*)[\s/>]/g)) used.add(name);
    }
    expect([...used].filter((name) => !(name in threeCatalogue))).toEqual([]);
    expect(used.size).toBeGreaterThan(5); // the scan found the scenes
  });

  it("has every three.js element @react-three/xr writes", () => {
    const xr = dirname(createRequire(import.meta.url).resolve("@react-three/xr/package.json"));
    const used = new Set<string>();
    for (const file of filesUnder(join(xr, "dist"), /\.js$/)) {
      for (const name of threeElements(readFileSync(file, "utf8"), /jsxs?\("([a-z][A-Za-z0-9]*)"/g)) used.add(name);
    }
    expect([...used].filter((name) => !(name in threeCatalogue))).toEqual([]);
    expect(used.size).toBeGreaterThan(0);
  });
});
