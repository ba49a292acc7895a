import { defineStrings } from "./define";

export const handsStrings = defineStrings({
  en: {
    "hands.raise": "Raise hand",
    "hands.queue": "Raised hands",
    "hands.none": "No hands raised.",
    "hands.lowerFor": "Lower {name}'s hand",
    "hands.lower": "Lower",
    "hands.lowerAll": "Lower all",
    "hands.raised": "hand raised",
    "hands.raisedToast": "{name} raised a hand.",
  },
  fi: {
    "hands.raise": "Nosta käsi",
    "hands.queue": "Nostetut kädet",
    "hands.none": "Kukaan ei ole nostanut kättä.",
    "hands.lowerFor": "Laske käsi: {name}",
    "hands.lower": "Laske",
    "hands.lowerAll": "Laske kaikki",
    "hands.raised": "käsi ylhäällä",
    "hands.raisedToast": "{name} nosti kätensä.",
  },
  sv: {
    "hands.raise": "Räck upp handen",
    "hands.queue": "Uppräckta händer",
    "hands.none": "Ingen har räckt upp handen.",
    "hands.lowerFor": "Sänk handen för {name}",
    "hands.lower": "Sänk",
    "hands.lowerAll": "Sänk alla",
    "hands.raised": "handen uppe",
    "hands.raisedToast": "{name} räckte upp handen.",
  },
});
