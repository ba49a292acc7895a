import { useMemo, useState } from "react";
import { avatarHex } from "../../shared/avatars/palette";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useIsFacilitator, useSessionStore, type PersonView } from "../session/session-store";
import { PersonVoice } from "../voice/PersonVoice";
import { useZonesStore } from "../zones/zones-store";
import { zoneDisplayName } from "../../shared/zones/names";
import { CoachesObserving } from "../coaching/CoachesObserving";
import { placementIn, useHybridStore } from "../hybrid/hybrid-store";
import { HybridCount, PlacementBadge, placementMeta } from "../hybrid/people";

const ROLE_ORDER = { facilitator: 0, participant: 1, observer: 2, coach: 3 } as const;

function PersonActions({ person }: { person: PersonView }) {
  const t = useT();
  const connection = useConnection();
  const [open, setOpen] = useState(false);
  const remove = () => {
    if (confirm(t("people.confirmRemove", { name: person.name }))) {
      connection.send("people.remove", { id: person.id });
    }
    setOpen(false);
  };
  const toggleRole = () => {
    connection.send("people.setRole", {
      id: person.id,
      role: person.role === "facilitator" ? "participant" : "facilitator",
    });
    setOpen(false);
  };
  return (
    <div className="menu">
      <button
        type="button"
        className="button--quiet"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t("people.actionsFor", { name: person.name })}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div className="menu__list" role="menu" onKeyDown={(e) => e.key === "Escape" && setOpen(false)}>
          {person.role !== "observer" && (
            <button type="button" role="menuitem" onClick={toggleRole} autoFocus>
              {person.role === "facilitator" ? t("people.makeParticipant") : t("people.makeFacilitator")}
            </button>
          )}
          <button type="button" role="menuitem" className="button--danger" onClick={remove}>
            {t("people.remove")}
          </button>
        </div>
      )}
    </div>
  );
}

/**
 * Everyone in the session as an HTML list: who, in what role, where, and whether they are connected.
 * The same information as the 3D view, reachable with a keyboard and a screen reader.
 */
export function PeoplePanel() {
  const t = useT();
  const people = useSessionStore((s) => s.people);
  const selfId = useSessionStore((s) => s.selfId);
  const isFacilitator = useIsFacilitator();
  const zones = useZonesStore((s) => s.zones);
  const physicalRooms = useHybridStore((s) => s.rooms);
  const zoneName = (id: string) =>
    zoneDisplayName(
      zones.find((z) => z.id === id),
      t,
    ) || id;
  const sorted = useMemo(
    () =>
      Object.values(people).sort(
        (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name) || a.joinedAt - b.joinedAt,
      ),
    [people],
  );

  return (
    <>
      <p className="person__meta">{t("people.count", { count: sorted.length })}</p>
      <HybridCount />
      <CoachesObserving />
      <ul className="people-list" aria-label={t("people.heading")}>
        {sorted.map((person) => {
          const placement = placementIn(physicalRooms, person.id);
          const where = placement
            ? placementMeta(t, placement)
            : person.zone
              ? t("people.inZone", { zone: zoneName(person.zone) })
              : t("people.inPlenary");
          const meta = [t(`people.role.${person.role}`), where];
          if (person.organisation) meta.push(person.organisation);
          if (person.inVR) meta.push(t("people.inVR"));
          if (!person.connected) meta.push(t("people.reconnecting"));
          return (
            <li
              key={person.id}
              className={person.connected ? "person" : "person person--away"}
              data-person-id={person.id}
            >
              <span className="person__dot" style={{ background: avatarHex(person.color) }} aria-hidden="true" />
              <div className="person__text">
                <div className="person__name">
                  {person.name}
                  {person.id === selfId && ` ${t("people.you")}`}
                  {person.role === "facilitator" && <span className="badge">{t("people.role.facilitator")}</span>}
                  {person.inVR && <span className="badge badge--muted">{t("people.vrBadge")}</span>}
                  <PlacementBadge placement={placement} />
                  {person.handRaisedAt > 0 && <span className="badge badge--hand">{t("hands.raised")}</span>}
                </div>
                <div className="person__meta">{meta.join(" · ")}</div>
              </div>
              <PersonVoice person={person} isSelf={person.id === selfId} />
              {isFacilitator && person.id !== selfId && <PersonActions person={person} />}
            </li>
          );
        })}
      </ul>
    </>
  );
}
