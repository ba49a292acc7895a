import { MAX_PEOPLE } from "../../shared/protocol/constants";

/**
 * `MAX_PEOPLE`: how many people one session admits, at most the product's MAX_PEOPLE (the layout,
 * gathering and interest rules are sized for it). An operator lowers it for a small machine; unset
 * means the full 500.
 */
export function maxPeopleFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return MAX_PEOPLE;
  const people = Number(value);
  if (!Number.isInteger(people) || people < 2 || people > MAX_PEOPLE) {
    throw new Error(`MAX_PEOPLE must be a whole number from 2 to ${MAX_PEOPLE}, not "${value}"`);
  }
  return people;
}
