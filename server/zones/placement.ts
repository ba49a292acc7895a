import { cmToMetres, decodePose } from "../../shared/movement/pose-codec";
import { LAB } from "../../shared/space/layout";
import { plenarySeats, type Seat } from "../../shared/zones/seats";
import type { RoomApi } from "../commands/registry";
import { zoneShapes } from "./membership";

/** Participants are the people a facilitator moves about; facilitators and observers move themselves. */
export function isParticipant(room: RoomApi, id: string): boolean {
  return room.state.people.get(id)?.role === "participant";
}

/** True when a person stands inside the plenary circle. */
export function inPlenaryCircle(room: RoomApi, id: string): boolean {
  const person = room.state.people.get(id);
  if (!person) return false;
  const { plenary } = LAB;
  return Math.hypot(cmToMetres(person.pose.x) - plenary.x, cmToMetres(person.pose.z) - plenary.z) < plenary.radius;
}

/**
 * Plenary spots for `ids`, skipping spots where someone who stays put is already standing, then
 * moves each person there on the server's authority.
 */
export function bringToPlenary(room: RoomApi, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const moving = new Set(ids);
  const standing = [...room.state.people.entries()]
    .filter(([id, p]) => !moving.has(id) && p.role !== "observer")
    .map(([, p]) => decodePose([p.pose.x, p.pose.y, p.pose.z, p.pose.yaw, p.pose.pitch]));
  const free = (seat: Seat) => standing.every((p) => Math.hypot(p.x - seat.x, p.z - seat.z) > 0.6);
  const seats = plenarySeats(ids.length + standing.length, zoneShapes(room)).filter(free);
  ids.forEach((id, i) => {
    const seat = seats[i] ?? seats[i % Math.max(1, seats.length)] ?? { ...LAB.plenary, yaw: 0 };
    room.placePerson(id, seat.x, seat.z, seat.yaw);
  });
}
