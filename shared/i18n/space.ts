import { defineStrings } from "./define";

export const spaceStrings = defineStrings({
  en: {
    "space.label": "3D view of the workshop space",
    "space.plenary": "Plenary",
    "space.stage": "Stage",
    "space.facilitatorBadge": "Facilitator",
    "panel.label": "Session panels",
    "panel.show": "Show panels",
    "panel.hide": "Hide panels",
    "panel.loading": "Opening…",
    "dock.label": "Control bar",
  },
  fi: {
    "space.label": "Työpajatilan 3D-näkymä",
    "space.plenary": "Yhteinen tila",
    "space.stage": "Lava",
    "space.facilitatorBadge": "Fasilitaattori",
    "panel.label": "Tilaisuuden paneelit",
    "panel.show": "Näytä paneelit",
    "panel.hide": "Piilota paneelit",
    "panel.loading": "Avataan…",
    "dock.label": "Toimintopalkki",
  },
  sv: {
    "space.label": "3D-vy av workshoprummet",
    "space.plenary": "Plenum",
    "space.stage": "Scen",
    "space.facilitatorBadge": "Facilitator",
    "panel.label": "Sessionens paneler",
    "panel.show": "Visa paneler",
    "panel.hide": "Dölj paneler",
    "panel.loading": "Öppnar…",
    "dock.label": "Kontrollfält",
  },
});
