import { afterAll, beforeAll, describe } from "vitest";
import { janusAvailable, startJanus, type RunningJanus } from "../support/janus";
import { inNamespace, useMediaSession } from "./media-people";
import { describeSpeakingTime } from "./speaking-scenario";

/**
 * Speaking time with VOICE_ENGINE=janus: the same scenario, the levels measured by a Janus gateway of
 * the test's own, whose talking events this server counts. Skipped where Janus is not installed.
 */
describe.skipIf(!inNamespace || !janusAvailable)("speaking time through Janus", () => {
  let janus: RunningJanus | undefined;
  beforeAll(async () => {
    janus = await startJanus();
  });
  afterAll(async () => {
    await janus?.close();
  });
  describeSpeakingTime(
    "from Janus's talking events",
    useMediaSession(() => ({ engine: "janus", janusUrl: janus!.url })),
  );
});
