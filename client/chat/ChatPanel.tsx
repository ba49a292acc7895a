import "../zones/zones.css";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { avatarHex } from "../../shared/avatars/palette";
import { CHAT_LIMITS } from "../../shared/chat/history";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { useZonesStore } from "../zones/zones-store";
import { zoneDisplayName } from "../../shared/zones/names";
import { PLENARY_CHANNEL, useChatStore } from "./chat-store";

const EMPTY: never[] = [];

/**
 * Chat where you stand: your zone's (private to its members and the facilitators) and the room-wide
 * one. Facilitators can read and write in every zone's chat.
 */
export function ChatPanel() {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const self = useSelf();
  const zones = useZonesStore((s) => s.zones);
  const facilitator = self?.role === "facilitator";
  const channels = [
    { id: PLENARY_CHANNEL, label: t("chat.everyone") },
    ...zones.filter((z) => facilitator || z.id === self?.zone).map((z) => ({ id: z.id, label: zoneDisplayName(z, t) })),
  ];
  const [chosen, setChosen] = useState<string | null>(null);
  // Follow the person into and out of zones unless they picked a channel themselves.
  const fallback = self?.zone && channels.some((c) => c.id === self.zone) ? self.zone : PLENARY_CHANNEL;
  const channel = chosen && channels.some((c) => c.id === chosen) ? chosen : fallback;
  const lines = useChatStore((s) => s.channels[channel] ?? EMPTY);
  const [text, setText] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const label = channels.find((c) => c.id === channel)?.label ?? "";

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [lines]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    connection.send("chat.send", { channel, text });
    setText("");
  };
  const canWrite = self !== undefined && self.role !== "observer";

  return (
    <div className="chat">
      <div className="field field--inline">
        <label htmlFor={`${id}-channel`}>{t("chat.channel")}</label>
        <select id={`${id}-channel`} value={channel} onChange={(e) => setChosen(e.target.value)}>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <p className="help">{channel === PLENARY_CHANNEL ? t("chat.everyoneNote") : t("chat.zoneNote")}</p>
      {!facilitator && !self?.zone && <p className="help">{t("chat.notInZone")}</p>}
      <ol className="chat__lines" role="log" aria-label={t("chat.messages", { channel: label })} ref={list}>
        {lines.length === 0 && <li className="help">{t("chat.empty")}</li>}
        {lines.map((line) => (
          <li key={line.key} className="chat__line">
            <span className="chat__name" style={{ color: avatarHex(line.color) }}>
              {line.name}
            </span>{" "}
            <span className="chat__text">{line.text}</span>
          </li>
        ))}
      </ol>
      {canWrite && (
        <form className="chat__form" onSubmit={send}>
          <label htmlFor={`${id}-text`} className="visually-hidden">
            {t("chat.message")}
          </label>
          <input
            id={`${id}-text`}
            value={text}
            maxLength={CHAT_LIMITS.textMax}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
          />
          <button type="submit" className="button--primary" disabled={!text.trim()}>
            {t("chat.send")}
          </button>
        </form>
      )}
    </div>
  );
}
