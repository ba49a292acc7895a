import { describe } from "vitest";
import { janusAvailable, JANUS_LINK_ADDRESS } from "../support/janus";
import { inNamespace } from "../voice/media-people";
import { useServerOnOwnJanus } from "../voice/janus-server";
import { describeCoachVoiceRouting } from "./coach-voice-scenarios";

/**
 * The coach's voice with VOICE_ENGINE=janus: the same scenario as on the embedded engine, the packets
 * forwarded by a Janus gateway of the test's own. Skipped where Janus is not installed.
 */
describe.skipIf(!inNamespace || !janusAvailable)("the coach's voice through Janus", () => {
  const server = useServerOnOwnJanus();
  describeCoachVoiceRouting("coach listening and whispering through Janus", server, ["127.0.0.1", JANUS_LINK_ADDRESS]);
});
