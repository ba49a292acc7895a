import { readFileSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Plugin } from "vite";
import { INPUT_PROFILES_PATH, SERVED_INPUT_PROFILES } from "./input-profiles";

/** Every file of the served subset, keyed by its path under INPUT_PROFILES_PATH. */
export function inputProfileFiles(): Map<string, Buffer> {
  const packageJson = createRequire(import.meta.url).resolve("@webxr-input-profiles/assets/package.json");
  const root = dirname(packageJson);
  const profiles = join(root, "dist", "profiles");
  const files = new Map<string, Buffer>();
  const list = JSON.parse(readFileSync(join(profiles, "profilesList.json"), "utf8")) as Record<string, unknown>;
  // The list names every profile; pointing at one we do not serve would make the loader request a 404.
  const served = Object.fromEntries(
    Object.entries(list).filter(([id]) => (SERVED_INPUT_PROFILES as readonly string[]).includes(id)),
  );
  files.set("profilesList.json", Buffer.from(JSON.stringify(served)));
  files.set("LICENSE.md", readFileSync(join(root, "LICENSE.md")));
  for (const id of SERVED_INPUT_PROFILES) {
    for (const name of readdirSync(join(profiles, id))) {
      const path = join(profiles, id, name);
      if (statSync(path).isFile()) files.set(`${id}/${name}`, readFileSync(path));
    }
  }
  return files;
}

const CONTENT_TYPES: Record<string, string> = { json: "application/json", glb: "model/gltf-binary", md: "text/plain" };

/**
 * Copies the Quest-family + generic-hand subset of the WebXR input profiles from node_modules into the
 * build (dist/xr-profiles), and serves the same files in development, so nothing is fetched elsewhere.
 */
export function xrInputProfiles(): Plugin {
  let files: Map<string, Buffer> | null = null;
  const load = () => (files ??= inputProfileFiles());
  const prefix = INPUT_PROFILES_PATH.slice(1);
  return {
    name: "yhteistila:xr-input-profiles",
    configureServer(server) {
      server.middlewares.use(INPUT_PROFILES_PATH, (req, res, next) => {
        const key = decodeURIComponent((req.url ?? "").split("?")[0]!.replace(/^\//, ""));
        const file = load().get(key);
        if (!file) return next();
        res.setHeader("Content-Type", CONTENT_TYPES[key.split(".").pop() ?? ""] ?? "application/octet-stream");
        res.end(file);
      });
    },
    generateBundle() {
      for (const [key, source] of load()) this.emitFile({ type: "asset", fileName: `${prefix}${key}`, source });
    },
  };
}

const EMULATOR_STUB = "\0yhteistila:no-xr-emulator";

/**
 * @react-three/xr can inject an emulated headset (iwer with its dev UI and room scans, about 5 MB)
 * through a dynamic import. The product never emulates (tests install their own device before the
 * page starts), so that import is replaced by a stub: nothing of it is built, served or ever loaded.
 */
export function noXREmulator(): Plugin {
  return {
    name: "yhteistila:no-xr-emulator",
    enforce: "pre",
    resolveId(source, importer) {
      if (source === "./emulate.js" && importer?.includes("@pmndrs/xr")) return EMULATOR_STUB;
      return null;
    },
    load(id) {
      if (id !== EMULATOR_STUB) return null;
      return 'export function emulate() { throw new Error("The XR emulator is not part of this build."); }';
    },
  };
}
