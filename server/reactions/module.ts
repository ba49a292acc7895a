import type { RoomModule } from "../session/module";
import { reactionsCommands } from "./commands";

/** Reactions (thumbs up, applause, heart): relayed to everyone at once, never stored. */
export const reactionsModule: RoomModule = { name: "reactions", commands: reactionsCommands };
