import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { compressAsset, ENCODINGS, isCompressible } from "../../server/http/precompressed";

function* filesUnder(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/**
 * Writes a brotli and a gzip copy beside every compressible file of the build, which the server
 * sends to browsers that accept them (server/http/precompressed.ts). Source maps are left alone:
 * only developers open them.
 */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "yhteistila:precompress",
    apply: "build",
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (file.endsWith(".map") || ENCODINGS.some(({ suffix }) => file.endsWith(suffix))) continue;
        const bytes = readFileSync(file);
        if (!isCompressible(file, bytes.length)) continue;
        const compressed = compressAsset(bytes);
        for (const { name, suffix } of ENCODINGS) writeFileSync(file + suffix, compressed[name]);
      }
    },
  };
}
