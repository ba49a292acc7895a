import { describeVoiceRouting } from "./routing-scenarios";
import { useTestServer } from "../support/rooms";

/** The hearing plan with the embedded engine, its bots on loopback (the scenarios: routing-scenarios.ts). */
describeVoiceRouting("voice routing on a real server", useTestServer());
