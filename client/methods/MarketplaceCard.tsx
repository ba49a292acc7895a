import { useId, useRef, useState, type ReactNode } from "react";
import { isMessageKey, translate } from "../../shared/i18n";
import { TOPIC_TITLE_MAX } from "../../shared/methods/marketplace-limits";
import { zoneDisplayName } from "../../shared/zones/names";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf, useSessionStore } from "../session/session-store";
import { useMediaQuery } from "../ui/use-media-query";
import { useZonesStore } from "../zones/zones-store";
import { topicMoves } from "./market-moves";
import { clearMethodsRefusal, useMethodsStore } from "./methods-store";

/**
 * Open Space's marketplace, in the cards' column: the grid of time slots (rows) by zones (columns), a
 * table a screen reader walks cell by cell; on a phone one list per slot. A free cell's "Post here"
 * fills the form below it; conveners move or withdraw their topics there too, and anyone takes over a
 * topic's notes. The server checks every move (shared/methods/marketplace.ts).
 */

type View = NonNullable<NonNullable<ReturnType<typeof useMethodsStore.getState>["state"]>["market"]>;
type TopicView = View["topics"][number];
type Cell = { slot: number; zone: string };

export function MarketplaceCard() {
  const t = useT();
  const id = useId();
  const market = useMethodsStore((s) => s.state?.market ?? null);
  const refusal = useMethodsStore((s) => s.refusal);
  const locale = useLocaleStore((s) => s.locale);
  const zones = useZonesStore((s) => s.zones);
  const self = useSelf();
  const narrow = useMediaQuery("(max-width: 600px)");
  const [cell, setCell] = useState<Cell | null>(null);
  const [moving, setMoving] = useState<TopicView | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  if (!market || !self) return null;
  const facilitator = self.role === "facilitator";
  const canPost = !market.closed && (facilitator || self.role === "participant");
  // A zone removed since the marketplace opened is still named by its letter.
  const zoneName = (zone: string) => {
    const known = zones.find((z) => z.id === zone);
    const letter = market.zones.find((z) => z.id === zone)?.letter;
    return zoneDisplayName(known ?? (letter ? { name: "", letter } : undefined), t);
  };
  const refused =
    refusal?.command.startsWith("methods.market.") === true
      ? refusal.detail && isMessageKey(refusal.detail)
        ? translate(locale, refusal.detail)
        : translate(locale, `errors.${refusal.code}`)
      : null;
  const slotName = (slot: number) =>
    slot === market.slot && !market.closed
      ? t("methods.market.slotNow", { n: slot + 1 })
      : t("methods.market.slot", { n: slot + 1 });
  const free = (slot: number, zone: string) => !market.topics.some((tp) => tp.slot === slot && tp.zone === zone);
  const pick = (slot: number, zone: string) => {
    setCell({ slot, zone });
    clearMethodsRefusal();
    // The form is below the grid: take the keyboard (and a phone's scroll) there.
    queueMicrotask(() => titleRef.current?.focus());
  };
  const cellBody = (slot: number, zone: string): ReactNode => {
    const topic = market.topics.find((tp) => tp.slot === slot && tp.zone === zone);
    if (topic) {
      return (
        <TopicCell
          topic={topic}
          market={market}
          facilitator={facilitator}
          zone={self.zone}
          onMove={() => {
            setMoving(topic);
            setCell(null);
          }}
        />
      );
    }
    if (!canPost || slot < market.slot) return <span className="market__free">{t("methods.market.free")}</span>;
    return (
      <button
        type="button"
        className="market__post-here"
        data-testid={`market-cell-${slot}-${zone}`}
        aria-label={t("methods.market.postHereLabel", { slot: slot + 1, zone: zoneName(zone) })}
        onClick={() => (moving ? setCell({ slot, zone }) : pick(slot, zone))}
      >
        {moving ? t("methods.market.moveHere") : t("methods.market.postHere")}
      </button>
    );
  };
  const slots = Array.from({ length: market.slots }, (_, i) => i);
  return (
    <section className="now-card market" aria-labelledby={`${id}-title`} data-testid="market">
      <h2 className="now-card__title" id={`${id}-title`}>
        {t("methods.market.title")}
      </h2>
      <p className="now-card__note" data-testid="market-status">
        {market.closed
          ? t("methods.market.closedNote")
          : market.slot < 0
            ? t("methods.market.postingNote")
            : t("methods.market.runningNote", { n: market.slot + 1 })}
      </p>
      {narrow ? (
        slots.map((slot) => (
          <section key={slot} className="market__slot" aria-labelledby={`${id}-slot-${slot}`}>
            <h3 className="now-card__label" id={`${id}-slot-${slot}`}>
              {slotName(slot)}
            </h3>
            <ul className="market__list">
              {market.zones.map((zone) => (
                <li key={zone.id}>
                  <span className="market__zone">{zoneName(zone.id)}</span> {cellBody(slot, zone.id)}
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <div className="market__scroll">
          <table className="market__grid" data-testid="market-grid">
            <caption className="visually-hidden">{t("methods.market.caption")}</caption>
            <thead>
              <tr>
                <td />
                {market.zones.map((zone) => (
                  <th key={zone.id} scope="col">
                    {zoneName(zone.id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {slots.map((slot) => (
                <tr key={slot} data-now={slot === market.slot && !market.closed}>
                  <th scope="row">{slotName(slot)}</th>
                  {market.zones.map((zone) => (
                    <td key={zone.id}>{cellBody(slot, zone.id)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canPost && (
        <TopicForm
          market={market}
          cell={cell}
          moving={moving}
          titleRef={titleRef}
          zoneName={zoneName}
          free={free}
          onCell={setCell}
          onDone={() => {
            setCell(null);
            setMoving(null);
          }}
        />
      )}
      {refused && (
        <p className="now-card__note" role="alert" data-testid="market-refused">
          {refused}
        </p>
      )}
    </section>
  );
}

function TopicCell(props: { topic: TopicView; market: View; facilitator: boolean; zone: string; onMove: () => void }) {
  const { topic, market, facilitator } = props;
  const t = useT();
  const connection = useConnection();
  const people = useSessionStore((s) => s.people);
  const moves = topicMoves(market, topic, { facilitator, zone: props.zone });
  const send = (name: "methods.market.withdraw" | "methods.market.noteTaker", person?: string) => {
    clearMethodsRefusal();
    if (name === "methods.market.withdraw") connection.send(name, { topic: topic.id });
    else connection.send(name, person ? { topic: topic.id, person } : { topic: topic.id });
  };
  return (
    <div className="market__topic" data-testid={`market-topic-${topic.id}`}>
      <strong className="market__title">{topic.title}</strong>
      <span className="market__who">{t("methods.market.convener", { name: topic.convener })}</span>
      <span className="market__who" data-testid={`market-notes-${topic.id}`}>
        {t("methods.market.noteTaker", { name: topic.noteTaker })}
      </span>
      {!market.closed && (
        <span className="market__actions">
          {moves.own && (
            <>
              <button type="button" onClick={props.onMove} data-testid={`market-move-${topic.id}`}>
                {t("methods.market.move")}
              </button>
              <button type="button" onClick={() => send("methods.market.withdraw")}>
                {t("methods.market.withdraw")}
              </button>
            </>
          )}
          {moves.takeNotes && (
            <button
              type="button"
              data-testid={`market-take-${topic.id}`}
              onClick={() => send("methods.market.noteTaker")}
            >
              {t("methods.market.takeNotes")}
            </button>
          )}
          {facilitator && (
            <label className="market__name-taker">
              <span className="visually-hidden">{t("methods.market.nameTaker", { topic: topic.title })}</span>
              <select
                value=""
                data-testid={`market-taker-${topic.id}`}
                onChange={(event) => event.target.value && send("methods.market.noteTaker", event.target.value)}
              >
                <option value="">{t("methods.market.nameTakerShort")}</option>
                {Object.values(people)
                  .filter((p) => p.role === "participant" && p.connected)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
              </select>
            </label>
          )}
        </span>
      )}
    </div>
  );
}

function TopicForm(props: {
  market: View;
  cell: Cell | null;
  moving: TopicView | null;
  titleRef: React.RefObject<HTMLInputElement | null>;
  zoneName: (zone: string) => string;
  free: (slot: number, zone: string) => boolean;
  onCell: (cell: Cell | null) => void;
  onDone: () => void;
}) {
  const { market, cell, moving } = props;
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const [title, setTitle] = useState("");
  // Every free cell not already over, as "Slot 2 · Zone B", for the select (the keyboard's way to pick one).
  const cells = Array.from({ length: market.slots }, (_, slot) => slot)
    .filter((slot) => slot >= market.slot)
    .flatMap((slot) => market.zones.filter((z) => props.free(slot, z.id)).map((z) => ({ slot, zone: z.id })));
  const value = cell ? `${cell.slot}|${cell.zone}` : "";
  const submit = () => {
    if (!cell) return;
    clearMethodsRefusal();
    if (moving) connection.send("methods.market.move", { topic: moving.id, ...cell });
    else {
      const clean = title.trim();
      if (!clean) return;
      connection.send("methods.market.post", { ...cell, title: clean });
      setTitle("");
    }
    props.onDone();
  };
  return (
    <form
      className="market__form"
      data-testid="market-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {moving ? (
        <p className="now-card__label">{t("methods.market.moving", { topic: moving.title })}</p>
      ) : (
        <>
          <label htmlFor={`${id}-title`}>{t("methods.market.topicLabel")}</label>
          <input
            id={`${id}-title`}
            ref={props.titleRef}
            data-testid="market-title"
            maxLength={TOPIC_TITLE_MAX}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </>
      )}
      <label htmlFor={`${id}-cell`}>{t("methods.market.cellLabel")}</label>
      <select
        id={`${id}-cell`}
        data-testid="market-cell"
        value={value}
        onChange={(event) => {
          const [slot, zone] = event.target.value.split("|");
          props.onCell(zone ? { slot: Number(slot), zone } : null);
        }}
      >
        <option value="">{t("methods.market.chooseCell")}</option>
        {cells.map((c) => (
          <option key={`${c.slot}|${c.zone}`} value={`${c.slot}|${c.zone}`}>
            {t("methods.market.cellName", { n: c.slot + 1, zone: props.zoneName(c.zone) })}
          </option>
        ))}
      </select>
      <span className="market__actions">
        <button type="submit" data-testid="market-submit" disabled={!cell || (!moving && !title.trim())}>
          {moving ? t("methods.market.moveSubmit") : t("methods.market.post")}
        </button>
        {moving && (
          <button type="button" onClick={props.onDone}>
            {t("methods.market.cancel")}
          </button>
        )}
      </span>
    </form>
  );
}
