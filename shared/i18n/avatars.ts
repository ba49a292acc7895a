import { defineStrings } from "./define";

export const avatarsStrings = defineStrings({
  en: {
    "color.blue": "blue",
    "color.orange": "orange",
    "color.green": "green",
    "color.pink": "pink",
    "color.purple": "purple",
    "color.teal": "teal",
    "color.yellow": "yellow",
    "color.red": "red",
  },
  fi: {
    "color.blue": "sininen",
    "color.orange": "oranssi",
    "color.green": "vihreä",
    "color.pink": "pinkki",
    "color.purple": "violetti",
    "color.teal": "turkoosi",
    "color.yellow": "keltainen",
    "color.red": "punainen",
  },
  sv: {
    "color.blue": "blå",
    "color.orange": "orange",
    "color.green": "grön",
    "color.pink": "rosa",
    "color.purple": "lila",
    "color.teal": "turkos",
    "color.yellow": "gul",
    "color.red": "röd",
  },
});
