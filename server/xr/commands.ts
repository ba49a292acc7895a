import { defineCommand } from "../commands/registry";
import { handsFollowVR } from "../movement/interest";
import { clearHands } from "./hands";

export const xrCommands = [
  defineCommand({
    name: "xr.session",
    permission: "anyone",
    // Entering and leaving VR takes seconds; anything faster is a broken or hostile client.
    rate: { perSecond: 1, burst: 4 },
    overRate: "reject",
    run(ctx, { inVR }) {
      if (ctx.person.inVR === inVR) return;
      ctx.person.inVR = inVR;
      // Kept cleared while out of VR, so that nobody is shown the last tracked hands on re-entering.
      if (!inVR) clearHands(ctx.person.hands);
      // Hands reach only the near clients' views, and only while someone is in VR (movement/interest.ts).
      handsFollowVR(ctx.room, ctx.client.sessionId);
    },
  }),
];
