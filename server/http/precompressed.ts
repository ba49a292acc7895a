import { existsSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { RequestHandler } from "express";

/**
 * The built client is compressed once, at build time, next to each file (`x.js.br`, `x.js.gz`), and
 * served compressed to browsers that accept it: a participant on a slow government network downloads
 * the 3D view in about a fifth of its size, and the server spends no CPU compressing per request.
 */
export const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;
export type Encoding = (typeof ENCODINGS)[number]["name"];

/** Files worth compressing: text formats. Images, fonts (woff2) and models are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|map)$/;
/** Below this the headers outweigh what compression saves. */
const MIN_BYTES = 1024;

export function isCompressible(file: string, bytes: number): boolean {
  return COMPRESSIBLE.test(file) && bytes >= MIN_BYTES;
}

export function compressAsset(bytes: Buffer): Record<Encoding, Buffer> {
  return {
    br: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
    gzip: gzipSync(bytes, { level: 9 }),
  };
}

/**
 * The encoding to answer with, from a request's Accept-Encoding and what exists on disk: brotli
 * before gzip (smaller), nothing when the browser refuses both (`q=0`) or offers neither.
 */
export function pickEncoding(acceptEncoding: string | undefined, available: readonly Encoding[]): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [token, ...params] = part.trim().toLowerCase().split(";");
    if (!token) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(token, q ? Number(q.slice(2)) : 1);
  }
  for (const { name } of ENCODINGS) {
    const q = accepted.get(name) ?? accepted.get("*") ?? 0;
    if (q > 0 && available.includes(name)) return name;
  }
  return null;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/**
 * Serves `dir/<path>.br` or `.gz` when the browser accepts it and the build made one; anything else
 * falls through to the plain static files. What exists is looked up once per path (the build's
 * files are immutable while the server runs).
 */
export function servePrecompressed(dir: string, cacheControl: string): RequestHandler {
  const found = new Map<string, Encoding[]>();
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const relative = normalize(decodeURIComponent(req.path)).replace(/^([/\\])+/, "");
    if (relative.startsWith("..") || relative.includes(`${sep}..`)) return next();
    const file = join(dir, relative);
    if (!COMPRESSIBLE.test(file)) return next();
    let available = found.get(file);
    if (!available) {
      available = ENCODINGS.filter(({ suffix }) => existsSync(file + suffix)).map(({ name }) => name);
      found.set(file, available);
    }
    res.vary("Accept-Encoding");
    const encoding = pickEncoding(req.get("accept-encoding"), available);
    if (!encoding) return next();
    const suffix = ENCODINGS.find(({ name }) => name === encoding)!.suffix;
    res.set({
      "Content-Encoding": encoding,
      "Content-Type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": cacheControl,
    });
    res.sendFile(file + suffix, (error) => {
      if (error && !res.headersSent) next();
    });
  };
}
