import { z } from "zod";

export const xrMessages = {
  /**
   * The sender entered or left an immersive VR session. The server marks the person (PersonState.inVR)
   * so others see it, and accepts hand poses only while it is set.
   */
  "xr.session": z.object({ inVR: z.boolean() }).strict(),
} as const;
