import { describe } from "vitest";
import { inNamespace, useMediaSession } from "./media-people";
import { describeSpeakingTime } from "./speaking-scenario";

/** Speaking time with the embedded engine, which reads the audio levels on the packets it forwards. */
describe.skipIf(!inNamespace)("speaking time (inside a private network namespace)", () => {
  describeSpeakingTime("with the embedded engine", useMediaSession());
});
