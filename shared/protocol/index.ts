/**
 * The whole wire protocol: every message a client may send and every message the server sends,
 * each with its one schema. Client and server both import from here; nothing is typed twice.
 * Capabilities keep their messages in a file of their own and are merged below.
 */
import type { z } from "zod";
import { errorMessageSchema } from "./errors";
import { movementMessages, movementServerMessages } from "./movement";
import { reactionsMessages, reactionsServerMessages } from "./reactions";
import { sessionMessages, sessionServerMessages } from "./session";
import { boardsMessages, boardsServerMessages } from "./boards";
import { screenMessages, screenServerMessages } from "./screen";
import { voiceMessages, voiceServerMessages } from "./voice";
import { zonesMessages, zonesServerMessages } from "./zones";
import { timersMessages, timersServerMessages } from "./timers";
import { chatMessages, chatServerMessages } from "./chat";
import { handsMessages, handsServerMessages } from "./hands";
import { xrMessages } from "./xr";
import { methodsMessages, methodsServerMessages } from "./methods";
import { coachingMessages, coachingServerMessages } from "./coaching";
import { hybridMessages, hybridServerMessages } from "./hybrid";
import { timelineMessages, timelineServerMessages } from "./timeline";
import { stagesMessages } from "./stages";

export * from "./common";
export * from "./errors";
export * from "./movement";
export * from "./reactions";
export * from "./session";
export * from "./boards";
export * from "./screen";
export * from "./voice";
export * from "./zones";
export * from "./timers";
export * from "./chat";
export * from "./hands";
export * from "./xr";
export * from "./methods";
export * from "./accessibility";
export * from "./coaching";
export * from "./hybrid";
export * from "./timeline";
export * from "./stages";

/** Messages a client sends to the session room. */
export const clientMessages = {
  ...sessionMessages,
  ...movementMessages,
  ...boardsMessages,
  ...screenMessages,
  ...voiceMessages,
  ...zonesMessages,
  ...timersMessages,
  ...chatMessages,
  ...handsMessages,
  ...xrMessages,
  ...reactionsMessages,
  ...methodsMessages,
  ...coachingMessages,
  ...hybridMessages,
  ...timelineMessages,
  ...stagesMessages,
} as const;

/** Messages the server sends to clients. */
export const serverMessages = {
  error: errorMessageSchema,
  ...sessionServerMessages,
  ...movementServerMessages,
  ...boardsServerMessages,
  ...screenServerMessages,
  ...voiceServerMessages,
  ...zonesServerMessages,
  ...timersServerMessages,
  ...chatServerMessages,
  ...handsServerMessages,
  ...reactionsServerMessages,
  ...methodsServerMessages,
  ...coachingServerMessages,
  ...hybridServerMessages,
  ...timelineServerMessages,
} as const;

export type ClientMessageName = keyof typeof clientMessages;
export type ClientMessage<N extends ClientMessageName> = z.output<(typeof clientMessages)[N]>;
/** What the sender writes (before trimming/normalising on the server). */
export type ClientMessageInput<N extends ClientMessageName> = z.input<(typeof clientMessages)[N]>;
export type ServerMessageName = keyof typeof serverMessages;
export type ServerMessage<N extends ServerMessageName> = z.output<(typeof serverMessages)[N]>;

export { SESSION_ROOM, MAX_MESSAGE_BYTES } from "./constants";
