import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compressAsset, pickEncoding } from "../../server/http/precompressed";
import { startTestServer, type TestServer } from "../support/server";

describe("pickEncoding", () => {
  it("prefers brotli, then gzip, and honours q=0 and what the build made", () => {
    expect(pickEncoding("gzip, deflate, br, zstd", ["br", "gzip"])).toBe("br");
    expect(pickEncoding("gzip, deflate", ["br", "gzip"])).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0.5", ["br", "gzip"])).toBe("gzip");
    expect(pickEncoding("*", ["gzip"])).toBe("gzip");
    expect(pickEncoding("br", ["gzip"])).toBeNull();
    expect(pickEncoding("identity", ["br", "gzip"])).toBeNull();
    expect(pickEncoding(undefined, ["br", "gzip"])).toBeNull();
  });
});

/** A raw GET: the body exactly as sent (Node's fetch would decompress it and hide what came over the wire). */
function rawGet(url: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      }).on("error", reject);
    },
  );
}

let server: TestServer;
const script = Buffer.from(`export const greeting = ${JSON.stringify("hei ".repeat(5000))};\n`);
beforeAll(async () => {
  // A built client in miniature, compressed by the same function the build step uses.
  const clientDir = mkdtempSync(join(tmpdir(), "yhteistila-client-"));
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>t</title>");
  writeFileSync(join(clientDir, "assets", "app-abc123.js"), script);
  const compressed = compressAsset(script);
  writeFileSync(join(clientDir, "assets", "app-abc123.js.br"), compressed.br);
  writeFileSync(join(clientDir, "assets", "app-abc123.js.gz"), compressed.gzip);
  writeFileSync(join(clientDir, "assets", "plain-abc123.js"), script);
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server?.close();
});

describe("the built client", () => {
  it("is sent compressed to a browser that accepts it, and plain to one that does not", async () => {
    const url = `${server.baseUrl}/assets/app-abc123.js`;
    const br = await rawGet(url, "gzip, deflate, br");
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(br.headers["cache-control"]).toContain("immutable");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.body).equals(script)).toBe(true);

    const gzip = await rawGet(url, "gzip");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(script)).toBe(true);

    const plain = await rawGet(url);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
  });

  it("falls back to the plain file where the build made no compressed copy, and never serves outside the folder", async () => {
    const plain = await rawGet(`${server.baseUrl}/assets/plain-abc123.js`, "br, gzip");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
    const missing = await rawGet(`${server.baseUrl}/assets/nothing.js`, "br");
    expect(missing.status).toBe(404);
    const escape = await rawGet(`${server.baseUrl}/assets/..%2Findex.html`, "br");
    expect([403, 404]).toContain(escape.status);
  });
});
