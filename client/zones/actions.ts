import { currentPose } from "../../shared/movement/poses-message";
import { floorSpot } from "../../shared/movement/pose-codec";
import { ZONE_LIMITS } from "../../shared/zones/geometry";
import { defineAction } from "../actions/registry";
import type { SessionConnection } from "../session/connection";
import { useSessionStore } from "../session/session-store";
import { showToast } from "../ui/toast-store";
import { useHybridStore } from "../hybrid/hybrid-store";
import {
  checkCurrentDraft,
  formDraftGroups,
  groupablePeople,
  newSeed,
  useBreakoutDraft,
  type PreparedSend,
} from "./breakout-draft";
import { useZonesStore, zoneById } from "./zones-store";

/** Sends prepared groups out, with their tasks, in one message: people arrive to their task. */
export function sendPrepared(connection: SessionConnection, prepared: PreparedSend): void {
  connection.send("zones.send", prepared);
  showToast({ key: "breakout.sent" });
}

/** Where the server has this person now, in metres. */
export function standingAt(connection: SessionConnection, id: string): { x: number; z: number } | null {
  const person = connection.room.state.people.get(id);
  const pose = person && currentPose(person, connection.nearPoses);
  return pose ? floorSpot(pose) : null;
}

const facilitatorIn = (self: { role: string; zone: string } | undefined) =>
  self?.role === "facilitator" && self.zone !== "" && zoneById(self.zone) !== undefined;

/** The groups formed in the facilitator panel, ready to send, or null. */
function currentParticipants() {
  return groupablePeople(useSessionStore.getState().people, useHybridStore.getState().rooms);
}

function currentPreparedSend(): PreparedSend | null {
  return checkCurrentDraft(useBreakoutDraft.getState(), currentParticipants(), useZonesStore.getState().zones).send;
}

/** What a person can do about zones from a button, a key or the VR menu. */
export const zonesActions = [
  defineAction({
    id: "zones.ready",
    labelKey: "zones.ready",
    shortcut: "KeyR",
    group: "presence",
    visible: ({ self }) => self !== undefined && self.role !== "observer" && self.zone !== "",
    pressed: ({ self }) => (self ? (zoneById(self.zone)?.ready ?? false) : false),
    run: ({ connection, self }) => {
      if (!self?.zone) return;
      connection.send("zones.ready", { ready: !(zoneById(self.zone)?.ready ?? false) });
    },
  }),
  defineAction({
    id: "zones.return",
    labelKey: "zones.return",
    group: "presence",
    visible: ({ self }) =>
      self !== undefined && self.role !== "observer" && self.zone !== "" && useZonesStore.getState().recallEndsAt > 0,
    run: ({ connection }) => connection.send("zones.return", {}),
  }),
  defineAction({
    id: "zones.follow",
    labelKey: "zones.follow",
    group: "presence",
    visible: ({ self }) => {
      const leader = useZonesStore.getState().followLeader;
      return self !== undefined && self.role !== "observer" && leader !== "" && leader !== self.id;
    },
    pressed: ({ self }) =>
      self !== undefined && self.following !== "" && self.following === useZonesStore.getState().followLeader,
    run: ({ connection, self }) => {
      const leader = useZonesStore.getState().followLeader;
      connection.send("zones.follow", { leader: self?.following === leader ? "" : leader });
    },
  }),
  defineAction({
    // In a headset, where the panel's preview is not drawn: a group per zone, mixed as the panel's
    // method says (random unless changed there), shuffled afresh on each press; "Send to zones" follows.
    id: "breakout.formPerZone",
    labelKey: "breakout.formPerZone",
    group: "facilitation",
    visible: ({ self }) => self?.role === "facilitator" && currentParticipants().length > 0,
    run: () =>
      formDraftGroups(
        currentParticipants().map((p) => ({ id: p.id, organisation: p.organisation })),
        useZonesStore.getState().zones.map((zone) => zone.id),
        newSeed(),
        "perZone",
      ),
  }),
  defineAction({
    id: "breakout.send",
    labelKey: "breakout.send",
    group: "facilitation",
    // The groups are formed (and checked) in the facilitator panel; this sends them as prepared there.
    visible: ({ self }) => self?.role === "facilitator" && currentPreparedSend() !== null,
    run: ({ connection }) => {
      const prepared = currentPreparedSend();
      if (prepared) sendPrepared(connection, prepared);
    },
  }),
  // Editing zones where one stands: what a facilitator in a headset can do without the HTML panel
  // (the server checks the floor, the stage and the other zones, and says why when it refuses).
  defineAction({
    id: "zones.addHere",
    labelKey: "zones.addHere",
    group: "facilitation",
    visible: ({ self }) => self?.role === "facilitator" && self.zone === "",
    run: ({ connection, self }) => {
      const at = self && standingAt(connection, self.id);
      if (at) connection.send("zones.create", at);
    },
  }),
  defineAction({
    id: "zones.lockHere",
    labelKey: "zones.lockHere",
    group: "facilitation",
    visible: ({ self }) => facilitatorIn(self),
    pressed: ({ self }) => (self ? zoneById(self.zone)?.locked === true : false),
    run: ({ connection, self }) => {
      const zone = self && zoneById(self.zone);
      if (zone) connection.send("zones.update", { id: zone.id, locked: !zone.locked });
    },
  }),
  ...(
    [
      ["zones.growHere", 0.5],
      ["zones.shrinkHere", -0.5],
    ] as const
  ).map(([id, step]) =>
    defineAction({
      id,
      labelKey: id,
      group: "facilitation",
      visible: ({ self }) => facilitatorIn(self),
      run: ({ connection, self }) => {
        const zone = self && zoneById(self.zone);
        if (!zone) return;
        const radius = Math.max(ZONE_LIMITS.minRadius, Math.min(ZONE_LIMITS.maxRadius, zone.radius + step));
        if (radius !== zone.radius) connection.send("zones.update", { id: zone.id, radius });
      },
    }),
  ),
  defineAction({
    id: "zones.removeHere",
    labelKey: "zones.removeHere",
    group: "facilitation",
    visible: ({ self }) => facilitatorIn(self),
    run: ({ connection, self }) => {
      if (self && zoneById(self.zone)) connection.send("zones.remove", { id: self.zone });
    },
  }),
  defineAction({
    id: "breakout.recall",
    labelKey: "breakout.recall",
    group: "facilitation",
    visible: ({ self }) => self?.role === "facilitator",
    run: ({ connection }) => connection.send("zones.recall", { graceSeconds: 0 }),
  }),
  defineAction({
    id: "breakout.summon",
    labelKey: "breakout.summon",
    group: "facilitation",
    visible: ({ self }) => self?.role === "facilitator",
    run: ({ connection }) => connection.send("zones.summon", {}),
  }),
  defineAction({
    id: "breakout.lead",
    labelKey: "breakout.lead",
    group: "facilitation",
    visible: ({ self }) => self?.role === "facilitator",
    pressed: ({ self }) => self !== undefined && useZonesStore.getState().followLeader === self.id,
    run: ({ connection, self }) =>
      connection.send("zones.lead", { active: useZonesStore.getState().followLeader !== self?.id }),
  }),
];
