import { describe } from "vitest";
import { inNamespace, useMediaSession } from "./media-people";
import { describeVoiceBetweenBrowsers } from "./browser-scenario";

/** Voice between browsers with the embedded engine (the scenario: browser-scenario.ts). */
describe.skipIf(!inNamespace)("voice between browsers (inside a private network namespace)", () => {
  describeVoiceBetweenBrowsers("with the embedded engine", useMediaSession());
});
