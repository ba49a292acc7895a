import type { TranslationKey } from "../../shared/i18n";
import type { SessionConnection } from "../session/connection";
import type { PersonView } from "../session/session-store";

/** What an action can see and use when it runs. */
export interface ActionContext {
  connection: SessionConnection;
  self: PersonView | undefined;
}

/**
 * Something a person can do, as data: the same entry feeds the HTML buttons, the keyboard shortcut
 * and the in-VR menu, so every function is reachable whatever the input device.
 */
export interface ClientAction {
  id: string;
  labelKey: TranslationKey;
  /** `KeyboardEvent.code` of a single-key shortcut (no modifiers), if any. */
  shortcut?: string;
  /** Where the action is listed: menus group actions by this. */
  group: "session" | "presence" | "facilitation" | "comfort";
  visible?(ctx: ActionContext): boolean;
  /** True when the action is "on" (e.g. hand raised), for toggles shown as pressed buttons. */
  pressed?(ctx: ActionContext): boolean;
  run(ctx: ActionContext): void;
}

export function defineAction(action: ClientAction): ClientAction {
  return action;
}
