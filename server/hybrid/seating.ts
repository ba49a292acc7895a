import { quantisePosition, quantiseYaw } from "../../shared/movement/pose-codec";
import { seatSpot, type SeatSpot } from "../../shared/hybrid/rules";
import type { PhysicalRoomState } from "../../shared/hybrid/state";
import type { PersonState } from "../../shared/people/state";
import type { RoomApi } from "../commands/registry";

/** Eye heights, cm: someone sitting at the table, and the room device's microphone on it. */
const SEATED_EYE_CM = 120;
const DEVICE_EYE_CM = 100;

/** Where a person takes part from, when it is a physical room. */
export interface Place {
  physical: PhysicalRoomState;
  /** Seat index, or "device" for the room device. */
  seat: number | "device";
}

export function placeOf(room: RoomApi, id: string): Place | undefined {
  for (const physical of room.state.physicalRooms.values()) {
    if (physical.device === id) return { physical, seat: "device" };
    const seat = physical.seated.get(id);
    if (seat !== undefined) return { physical, seat };
  }
  return undefined;
}

/** The spot a placed person belongs on: their seat, or the table's centre for the room device. */
export function spotOf(place: Place): SeatSpot {
  const { physical, seat } = place;
  if (seat === "device") return { x: physical.x, z: physical.z, yaw: 0 };
  return seatSpot(physical, physical.seats, seat);
}

/** True when the person's authoritative pose is already on their spot (quantised as the state holds it). */
export function isOnSpot(person: PersonState, spot: SeatSpot): boolean {
  return person.pose.x === quantisePosition(spot.x) && person.pose.z === quantisePosition(spot.z);
}

/** Puts a person joining right now on their spot, before anyone has seen them elsewhere. */
export function poseAtJoin(person: PersonState, place: Place): void {
  const spot = spotOf(place);
  person.pose.x = quantisePosition(spot.x);
  person.pose.z = quantisePosition(spot.z);
  person.pose.yaw = quantiseYaw(spot.yaw);
  person.pose.y = place.seat === "device" ? DEVICE_EYE_CM : SEATED_EYE_CM;
}

/** Moves everyone placed at a table onto their spot again (after its seat count changed, say). */
export function replaceAtTable(room: RoomApi, physical: PhysicalRoomState): void {
  for (const id of [...physical.seated.keys(), ...(physical.device ? [physical.device] : [])]) {
    const place = placeOf(room, id);
    const person = room.state.people.get(id);
    if (!place || !person) continue;
    const spot = spotOf(place);
    if (!isOnSpot(person, spot)) room.placePerson(id, spot.x, spot.z, spot.yaw);
  }
}

/** Makes a placed person a remote one in the plenary (their room was removed). */
export function unplace(room: RoomApi, physical: PhysicalRoomState, id: string, to: SeatSpot): void {
  physical.seated.delete(id);
  if (physical.device === id) physical.device = "";
  room.placePerson(id, to.x, to.z, to.yaw);
}
