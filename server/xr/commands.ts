import { defineCommand } from "../commands/registry";
import { enteredVR } from "../movement/interest";
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
      // Hands reach only the near clients' views, and only while someone is in VR (movement/interest.ts).
      if (inVR) enteredVR(ctx.room, ctx.client.sessionId);
      else clearHands(ctx.person.hands);
    },
  }),
];
