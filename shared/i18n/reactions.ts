import { defineStrings } from "./define";

export const reactionsStrings = defineStrings({
  en: {
    "reactions.thumbs_up": "Thumbs up",
    "reactions.clap": "Applause",
    "reactions.heart": "Heart",
    "reactions.shown": "{name}: {reaction}",
    "reactions.menu": "Reactions",
  },
  fi: {
    "reactions.thumbs_up": "Peukku",
    "reactions.clap": "Aplodit",
    "reactions.heart": "Sydän",
    "reactions.shown": "{name}: {reaction}",
    "reactions.menu": "Reaktiot",
  },
  sv: {
    "reactions.thumbs_up": "Tummen upp",
    "reactions.clap": "Applåd",
    "reactions.heart": "Hjärta",
    "reactions.shown": "{name}: {reaction}",
    "reactions.menu": "Reaktioner",
  },
});
