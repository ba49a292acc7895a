import { avatarsStrings } from "./avatars";
import { errorsStrings } from "./errors";
import { movementStrings } from "./movement";
import { peopleStrings } from "./people";
import { sessionStrings } from "./session";
import { spaceStrings } from "./space";
import { boardsStrings } from "./boards";
import { screenStrings } from "./screen";
import { exportStrings } from "./export";
import { voiceStrings } from "./voice";
import { zonesStrings } from "./zones";
import { timersStrings } from "./timers";
import { chatStrings } from "./chat";
import { handsStrings } from "./hands";
import { xrStrings } from "./xr";
import { reactionsStrings } from "./reactions";
import { methodsStrings } from "./methods";
import { accessibilityStrings } from "./accessibility";
import { coachingStrings } from "./coaching";
import { speakingStrings } from "./speaking";
import { hybridStrings } from "./hybrid";
import { timelineStrings } from "./timeline";
import { stagesStrings } from "./stages";

/** Every capability's strings; a new capability adds its file here. */
const parts = [
  sessionStrings,
  movementStrings,
  peopleStrings,
  spaceStrings,
  avatarsStrings,
  errorsStrings,
  boardsStrings,
  screenStrings,
  exportStrings,
  voiceStrings,
  zonesStrings,
  timersStrings,
  chatStrings,
  handsStrings,
  xrStrings,
  reactionsStrings,
  methodsStrings,
  accessibilityStrings,
  coachingStrings,
  speakingStrings,
  hybridStrings,
  timelineStrings,
  stagesStrings,
] as const;

type Part = (typeof parts)[number];
type KeysOf<P> = P extends { en: infer E } ? keyof E : never;
export type MessageKey = KeysOf<Part> & string;

function merge(lang: "en" | "fi" | "sv"): Record<MessageKey, string> {
  return Object.assign({}, ...parts.map((part) => part[lang])) as Record<MessageKey, string>;
}

export const catalog = { en: merge("en"), fi: merge("fi"), sv: merge("sv") } as const;
