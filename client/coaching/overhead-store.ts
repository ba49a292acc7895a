import { create } from "zustand";

/**
 * The balcony seen from above (issue 11): a facilitator or coach lifts the camera over the lab to see
 * every group at once. Only the view changes: the person stays where they stand, and others see no
 * difference.
 */
export const useOverhead = create<{ on: boolean }>(() => ({ on: false }));

export function setOverhead(on: boolean): void {
  useOverhead.setState({ on });
}
