import { defineStrings } from "./define";

/** Speaking time on the balcony (shared/coaching/speaking.ts). */
export const speakingStrings = defineStrings({
  en: {
    "speaking.label": "Speaking time in {zone}",
    "speaking.share": "{percent} %",
    "speaking.organisations": "By organisation: {list}",
    "speaking.oneVoice": "One voice has most of the time",
    "speaking.notHeard": "not heard yet",
    "speaking.someoneNotHeard": "Someone not heard yet",
    "speaking.help":
      "Counted by the server from voice activity; nothing is recorded. Per-person figures are shown only to facilitators and coaches, and never kept.",
  },
  fi: {
    "speaking.label": "Puheaika: {zone}",
    "speaking.share": "{percent} %",
    "speaking.organisations": "Organisaatioittain: {list}",
    "speaking.oneVoice": "Yksi ääni vie suurimman osan ajasta",
    "speaking.notHeard": "ei vielä puhunut",
    "speaking.someoneNotHeard": "Joku ei ole vielä puhunut",
    "speaking.help":
      "Palvelin laskee puheajan puheaktiivisuudesta; mitään ei tallenneta äänenä. Henkilökohtaiset luvut näkyvät vain fasilitaattoreille ja valmentajille, eikä niitä säilytetä.",
  },
  sv: {
    "speaking.label": "Taltid i {zone}",
    "speaking.share": "{percent} %",
    "speaking.organisations": "Per organisation: {list}",
    "speaking.oneVoice": "En röst tar det mesta av tiden",
    "speaking.notHeard": "har inte hörts än",
    "speaking.someoneNotHeard": "Någon har inte hörts än",
    "speaking.help":
      "Servern räknar taltiden utifrån röstaktivitet; inget spelas in. Siffror per person visas bara för facilitatorer och coacher och sparas aldrig.",
  },
});
