import { defineStrings } from "./define";

export const movementStrings = defineStrings({
  en: {
    "hint.heading": "How to move",
    "hint.keys": "W A S D or the arrow keys walk. Q and E turn.",
    "hint.look": "Drag with the mouse to look around.",
    "hint.click": "Click on the floor to walk there.",
    "hint.touch": "On a touch screen: drag to look, tap the floor to walk.",
    "hint.touchLook": "Drag with one finger to look around.",
    "hint.touchWalk": "Tap the floor to walk there.",
    "hint.dismiss": "Got it",
    "hint.show": "How to move",
  },
  fi: {
    "hint.heading": "Näin liikut",
    "hint.keys": "W A S D tai nuolinäppäimet: kävele. Q ja E: käänny.",
    "hint.look": "Katso ympärillesi vetämällä hiirellä.",
    "hint.click": "Napsauta lattiaa kävelläksesi sinne.",
    "hint.touch": "Kosketusnäytöllä: katso vetämällä, kävele napauttamalla lattiaa.",
    "hint.touchLook": "Katso ympärillesi vetämällä yhdellä sormella.",
    "hint.touchWalk": "Napauta lattiaa, niin kävelet sinne.",
    "hint.dismiss": "Selvä",
    "hint.show": "Näin liikut",
  },
  sv: {
    "hint.heading": "Så rör du dig",
    "hint.keys": "W A S D eller piltangenterna: gå. Q och E: vänd.",
    "hint.look": "Dra med musen för att se dig omkring.",
    "hint.click": "Klicka på golvet för att gå dit.",
    "hint.touch": "På pekskärm: dra för att se dig omkring, tryck på golvet för att gå.",
    "hint.touchLook": "Dra med ett finger för att se dig omkring.",
    "hint.touchWalk": "Tryck på golvet där du vill gå.",
    "hint.dismiss": "Uppfattat",
    "hint.show": "Så rör du dig",
  },
});
