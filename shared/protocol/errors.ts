import { z } from "zod";

import { ERROR_CODES } from "./constants";

export { ERROR_CODES, type ErrorCode } from "./constants";

export const errorMessageSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** The message that was refused, so the client can tie the error to an action. */
  command: z.string().optional(),
  /** Short machine-readable detail (e.g. the first invalid field); never user text. */
  detail: z.string().optional(),
});
export type ErrorMessage = z.infer<typeof errorMessageSchema>;
