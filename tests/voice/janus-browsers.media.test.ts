import { afterAll, beforeAll, describe } from "vitest";
import { janusAvailable, JANUS_LINK_ADDRESS, startJanus, type RunningJanus } from "../support/janus";
import { inNamespace, useMediaSession } from "./media-people";
import { describeVoiceBetweenBrowsers } from "./browser-scenario";

/**
 * Voice between browsers with VOICE_ENGINE=janus: the same scenario as the embedded engine's
 * (browser-scenario.ts), the browsers' plain RTCPeerConnections talking to a Janus gateway of the
 * test's own, which this server drives. Skipped where Janus is not installed.
 */
describe.skipIf(!inNamespace || !janusAvailable)("voice between browsers through Janus", () => {
  let janus: RunningJanus | undefined;
  beforeAll(async () => {
    janus = await startJanus();
  });
  afterAll(async () => {
    await janus?.close();
  });
  const media = useMediaSession(() => ({ engine: "janus", janusUrl: janus!.url }));
  describeVoiceBetweenBrowsers("through Janus", media, ["127.0.0.1", JANUS_LINK_ADDRESS]);
});
