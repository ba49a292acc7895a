import { resolve } from "node:path";
import type { Plugin } from "vite";

/**
 * React Three Fiber's Canvas calls `extend(THREE)`, registering every three.js class so any JSX
 * element works; that also keeps all of three.js in the bundle (about 35 KB gzip more on the join's
 * path). This swaps the call for `extend(threeCatalogue)`: the classes our scenes use as elements
 * (client/space/three-catalogue.ts), so the rest of three.js can be left out.
 */
export function threeCatalogueOnly(): Plugin {
  let catalogueFile = "";
  return {
    name: "yhteistila:three-catalogue-only",
    configResolved(config) {
      catalogueFile = resolve(config.root, "space/three-catalogue.ts");
    },
    transform(code, id) {
      if (!/@react-three[/\\]fiber[/\\]dist[/\\]react-three-fiber\.esm\.js/.test(id)) return null;
      const call = "extend(THREE)";
      if (!code.includes(call)) this.error(`${call} not found in ${id}: update client/space/build-plugin.ts`);
      const patched = code.replace(call, "extend(__yhteistilaThreeCatalogue)");
      return {
        code: `import { threeCatalogue as __yhteistilaThreeCatalogue } from ${JSON.stringify(catalogueFile)};\n${patched}`,
        map: null,
      };
    },
  };
}
