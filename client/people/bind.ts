import type { Role } from "../../shared/protocol";
import type { PersonState } from "../../shared/people/state";
import type { BindingContext } from "../session/binding";
import { sessionStoreActions, type PersonView } from "../session/session-store";

function personView(id: string, person: PersonState): PersonView {
  return {
    id,
    name: person.name,
    color: person.color,
    role: person.role as Role,
    connected: person.connected,
    zone: person.zone ?? "",
    organisation: person.organisation ?? "",
    handRaisedAt: person.handRaisedAt ?? 0,
    following: person.following ?? "",
    inVR: person.inVR,
    joinedAt: person.joinedAt,
  };
}

/** Mirrors everyone's slow-changing part (name, role, zone, hand…) into the session store. */
export function bindPeople({ $ }: BindingContext): void {
  $.onAdd("people", (person, id) => {
    sessionStoreActions.upsertPerson(personView(id, person));
    $.onChange(person, () => sessionStoreActions.upsertPerson(personView(id, person)));
  });
  $.onRemove("people", (_person, id) => sessionStoreActions.removePerson(id));
}
