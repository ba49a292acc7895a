import { afterAll, beforeAll, describe } from "vitest";
import { janusAvailable, JANUS_LINK_ADDRESS, startJanus, type RunningJanus } from "../support/janus";
import { useTestServer } from "../support/rooms";
import { inNamespace } from "./media-people";
import { describeVoiceRouting } from "./routing-scenarios";

/**
 * The hearing plan with VOICE_ENGINE=janus: the same scenarios as the embedded engine's
 * (routing-scenarios.ts), with a Janus gateway of the test's own forwarding the packets, and at every
 * step Janus's subscriptions checked against the plan. Inside the media tests' network namespace,
 * where Janus has a link of its own (it offers no loopback candidates).
 */
describe.skipIf(!inNamespace || !janusAvailable)("voice through Janus", () => {
  let janus: RunningJanus | undefined;
  beforeAll(async () => {
    janus = await startJanus();
  });
  afterAll(async () => {
    await janus?.close();
  });
  const server = useTestServer(() => ({ voice: { engine: "janus", janusUrl: janus!.url } }));
  describeVoiceRouting("voice routing through Janus", server, ["127.0.0.1", JANUS_LINK_ADDRESS]);
});
