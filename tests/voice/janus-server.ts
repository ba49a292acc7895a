import { afterAll, beforeAll } from "vitest";
import { startJanus, type RunningJanus } from "../support/janus";
import { useTestServer } from "../support/rooms";
import type { TestServer } from "../support/server";

/**
 * A test server whose voice goes through a Janus gateway of the enclosing describe block's own,
 * started before the server and stopped after it (media tests only: Janus needs the namespace's link).
 */
export function useServerOnOwnJanus(options: Parameters<typeof startJanus>[0] = {}): TestServer {
  let janus: RunningJanus | undefined;
  beforeAll(async () => {
    janus = await startJanus(options);
  });
  afterAll(async () => {
    await janus?.close();
  });
  return useTestServer(() => ({
    voice: {
      engine: "janus",
      janusUrl: janus!.url,
      // Its Admin API too, where the engine's statistics read Janus's packet counts.
      janusAdminUrl: janus!.adminUrl,
      janusAdminSecret: janus!.adminSecret,
    },
  }));
}
