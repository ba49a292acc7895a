import type { ReactNode } from "react";
import { useSessionStore } from "../session/session-store";
import { usePlacement } from "./hybrid-store";

/** False for people seated in a physical room or serving as its device: they stay where the server put them. */
export function useWalks(): boolean {
  const selfId = useSessionStore((s) => s.selfId);
  return usePlacement(selfId) === undefined;
}

/** Renders its children only for people who walk the lab: not for those seated in a physical room or its device. */
export function WalkersOnly({ children }: { children: ReactNode }) {
  return useWalks() ? <>{children}</> : null;
}

/** True while this page's person sits in a physical room (not its device): their voice stays off. */
export function useSeatedInRoom(): boolean {
  const selfId = useSessionStore((s) => s.selfId);
  const placement = usePlacement(selfId);
  return placement !== undefined && placement.seat !== "device";
}

/**
 * Renders its children except for people sitting in a physical room. Their phone's microphone and
 * speaker stay off: the room device carries the room's voice, and a second open microphone (or a
 * phone playing the remote people into the room) would echo.
 */
export function NotSeatedInRoom({ children }: { children: ReactNode }) {
  return useSeatedInRoom() ? null : <>{children}</>;
}
