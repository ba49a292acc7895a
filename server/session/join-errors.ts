import { ServerError } from "@colyseus/core";
import type { ErrorCode } from "../../shared/protocol";

/**
 * Joining is refused with a ServerError whose message is one of our error codes, so the client can
 * translate it. The numeric codes follow HTTP's meaning for the same situation.
 */
const STATUS: Partial<Record<ErrorCode, number>> = {
  session_not_found: 404,
  session_ended: 410,
  forbidden: 403,
  protocol_mismatch: 426,
  invalid_join: 400,
  session_full: 503,
  session_busy: 409,
  physical_room_not_found: 404,
  physical_room_full: 409,
  room_device_taken: 409,
};

export class JoinRefusal extends ServerError {}

export function joinRefusal(code: ErrorCode): JoinRefusal {
  return new JoinRefusal(STATUS[code] ?? 400, code);
}
