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
    "speaking.debriefTitle": "Speaking time so far",
    "speaking.debriefHelp":
      "Up to this moment, per zone and organisation: never per person. Counted while the timeline was on.",
    "speaking.debriefNone": "No speech counted up to this moment.",
    "speaking.debriefZone": "{zone}: {minutes} min {seconds} s",
    "speaking.noOrganisation": "organisation not given",
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
    "speaking.debriefTitle": "Puheaika tähän asti",
    "speaking.debriefHelp":
      "Tähän hetkeen asti, alueittain ja organisaatioittain: ei koskaan henkilöittäin. Laskettu aikajanan ollessa päällä.",
    "speaking.debriefNone": "Puhetta ei ole laskettu tähän hetkeen mennessä.",
    "speaking.debriefZone": "{zone}: {minutes} min {seconds} s",
    "speaking.noOrganisation": "organisaatio ei tiedossa",
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
    "speaking.debriefTitle": "Taltid hittills",
    "speaking.debriefHelp":
      "Fram till det här ögonblicket, per område och organisation: aldrig per person. Räknad medan tidslinjen var på.",
    "speaking.debriefNone": "Inget tal räknat fram till det här ögonblicket.",
    "speaking.debriefZone": "{zone}: {minutes} min {seconds} s",
    "speaking.noOrganisation": "organisation inte angiven",
  },
});
