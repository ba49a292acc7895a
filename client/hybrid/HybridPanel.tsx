import { useState, type FormEvent } from "react";
import { HYBRID_LIMITS } from "../../shared/hybrid/rules";
import { checkText } from "../../shared/session/input";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { textProblemMessage } from "../session/input-errors";
import { Field, NumberField } from "../ui/Field";
import { useHybridStore, type PhysicalRoomView } from "./hybrid-store";
import "./hybrid.css";

/** A room's name and seat count as a small form; the server checks and answers (a room too full to shrink). */
function RoomForm({
  initial,
  submitLabel,
  onSubmit,
  testId,
}: {
  initial: { name: string; seats: number };
  submitLabel: string;
  onSubmit(value: { name: string; seats: number }): void;
  testId: string;
}) {
  const t = useT();
  const [name, setName] = useState(initial.name);
  const [seats, setSeats] = useState(initial.seats);
  const [tried, setTried] = useState(false);
  const check = checkText(name, HYBRID_LIMITS.nameMax, 1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!check.ok || !Number.isInteger(seats)) return;
    onSubmit({ name: check.value, seats });
  };
  return (
    <form className="hybrid-room__row" onSubmit={submit} data-testid={testId}>
      <Field
        label={t("hybrid.nameLabel")}
        error={tried && !check.ok ? textProblemMessage(t, check, "input.nameEmpty") : undefined}
      >
        {(control) => (
          <input
            {...control}
            name="physical-room-name"
            value={name}
            placeholder={t("hybrid.namePlaceholder")}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <NumberField
        className="field--seats"
        label={t("hybrid.seatsLabel")}
        value={seats}
        onChange={setSeats}
        min={HYBRID_LIMITS.minSeats}
        max={HYBRID_LIMITS.maxSeats}
      />
      <button type="submit">{submitLabel}</button>
    </form>
  );
}

function RoomItem({ room }: { room: PhysicalRoomView }) {
  const t = useT();
  const connection = useConnection();
  const seated = Object.keys(room.seated).length;
  const remove = () => {
    if (confirm(t("hybrid.confirmRemove", { name: room.name }))) connection.send("hybrid.remove", { id: room.id });
  };
  return (
    <li className="hybrid-room" data-physical-room={room.id}>
      <RoomForm
        key={`${room.name}:${room.seats}`}
        initial={room}
        submitLabel={t("hybrid.save")}
        testId="physical-room-edit"
        onSubmit={(value) => connection.send("hybrid.update", { id: room.id, ...value })}
      />
      <p className="hybrid-room__meta">
        {t("hybrid.occupancy", { seated, seats: room.seats })} ·{" "}
        {room.device ? t("hybrid.deviceOn") : t("hybrid.deviceOff")}{" "}
        <button type="button" className="button--quiet button--danger" onClick={remove}>
          {t("hybrid.remove")}
        </button>
      </p>
    </li>
  );
}

/** Facilitators: the physical rooms taking part, added, renamed, resized and removed here. */
export function HybridPanel() {
  const t = useT();
  const connection = useConnection();
  const rooms = useHybridStore((s) => s.rooms);
  const [formKey, setFormKey] = useState(0);
  return (
    <>
      <p className="help">{t("hybrid.intro")}</p>
      {rooms.length < HYBRID_LIMITS.maxRooms && (
        <RoomForm
          key={formKey}
          initial={{ name: "", seats: 8 }}
          submitLabel={t("hybrid.add")}
          testId="physical-room-add"
          onSubmit={(value) => {
            connection.send("hybrid.add", value);
            setFormKey((k) => k + 1);
          }}
        />
      )}
      <h3 className="hybrid-panel__heading">{t("hybrid.listLabel")}</h3>
      {rooms.length === 0 ? (
        <p className="help">{t("hybrid.none")}</p>
      ) : (
        <ul className="hybrid-list" aria-label={t("hybrid.listLabel")}>
          {rooms.map((room) => (
            <RoomItem key={room.id} room={room} />
          ))}
        </ul>
      )}
    </>
  );
}
