import { defineCommand } from "../commands/registry";
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
      if (!inVR) clearHands(ctx.person.hands);
    },
  }),
];
