import "../zones/zones.css";
import "./chat.css";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { avatarHex } from "../../shared/avatars/palette";
import { CHAT_LIMITS } from "../../shared/chat/history";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { useZonesStore } from "../zones/zones-store";
import { Field } from "../ui/Field";
import { zoneDisplayName } from "../../shared/zones/names";
import { ALL_CHANNELS, PLENARY_CHANNEL, setChatViewing, totalUnread, useChatStore, type ChatLine } from "./chat-store";

const EMPTY: never[] = [];

interface ShownLine extends ChatLine {
  channel: string;
}

/**
 * Chat where you stand: your zone's (private to its members and the facilitators) and the room-wide
 * one. Facilitators can read and write in every zone's chat, and read them all at once in "All
 * channels" (newest last, each line tagged with its channel; the tag opens that channel to reply).
 */
export function ChatPanel() {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const self = useSelf();
  const zones = useZonesStore((s) => s.zones);
  const facilitator = self?.role === "facilitator";
  const channels = [
    ...(facilitator ? [{ id: ALL_CHANNELS, label: t("chat.allChannels") }] : []),
    { id: PLENARY_CHANNEL, label: t("chat.everyone") },
    ...zones.filter((z) => facilitator || z.id === self?.zone).map((z) => ({ id: z.id, label: zoneDisplayName(z, t) })),
  ];
  // A notice's "Open chat" lands in its channel, from the first paint on (so no other channel is
  // counted as read on the way).
  const [chosen, setChosen] = useState<string | null>(() => useChatStore.getState().requested);
  // Follow the person into and out of zones unless they picked a channel themselves.
  const fallback = self?.zone && channels.some((c) => c.id === self.zone) ? self.zone : PLENARY_CHANNEL;
  const channel = chosen && channels.some((c) => c.id === chosen) ? chosen : fallback;
  const all = channel === ALL_CHANNELS;
  const byChannel = useChatStore((s) => s.channels);
  const unread = useChatStore((s) => s.unread);
  const lines: ShownLine[] = all
    ? Object.entries(byChannel)
        .flatMap(([c, list]) => list.map((line) => ({ ...line, channel: c })))
        .sort((a, b) => a.at - b.at)
    : (byChannel[channel] ?? EMPTY).map((line) => ({ ...line, channel }));
  const [text, setText] = useState("");
  const list = useRef<HTMLOListElement>(null);
  const labelOf = (id: string) => channels.find((c) => c.id === id)?.label ?? "";
  const label = labelOf(channel);

  const requested = useChatStore((s) => s.requested);
  useEffect(() => {
    if (!requested) return;
    setChosen(requested);
    useChatStore.setState({ requested: null });
  }, [requested]);

  // What is on screen is read; closing the panel (or this tab) stops that.
  useEffect(() => {
    setChatViewing(channel);
  }, [channel]);
  useEffect(() => () => setChatViewing(null), []);

  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: "nearest" });
  }, [lines.length, channel]);

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    connection.send("chat.send", { channel, text });
    setText("");
  };
  const canWrite = self !== undefined && self.role !== "observer";

  return (
    <div className="chat">
      <Field className="field--inline" label={t("chat.channel")}>
        {(control) => (
          <select {...control} value={channel} onChange={(e) => setChosen(e.target.value)}>
            {channels.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
                {c.id !== ALL_CHANNELS && unread[c.id] ? ` (${t("chat.unread", { count: unread[c.id]! })})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="help">
        {all ? t("chat.allNote") : channel === PLENARY_CHANNEL ? t("chat.everyoneNote") : t("chat.zoneNote")}
      </p>
      {!facilitator && !self?.zone && <p className="help">{t("chat.notInZone")}</p>}
      {/* The log is a box around the list: a role on the list itself would hide its items' list. */}
      <div className="chat__lines" role="log" aria-label={t("chat.messages", { channel: label })} tabIndex={0}>
        <ol ref={list}>
          {lines.length === 0 && <li className="help">{t("chat.empty")}</li>}
          {lines.map((line) => (
            <li key={`${line.channel}:${line.key}`} className="chat__line">
              {all && (
                <button type="button" className="chat__channel" onClick={() => setChosen(line.channel)}>
                  {labelOf(line.channel)}
                </button>
              )}{" "}
              <span className="chat__name" style={{ color: avatarHex(line.color) }}>
                {line.name}
              </span>{" "}
              <span className="chat__text">{line.text}</span>
            </li>
          ))}
        </ol>
      </div>
      {canWrite && !all && (
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

/** How many chat lines by others wait unread, for the chat tab and the dock's panel button. */
export function ChatUnreadBadge() {
  const t = useT();
  const count = useChatStore((s) => totalUnread(s.unread));
  if (count === 0) return null;
  return (
    <span className="unread-badge" data-unread={count}>
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t("chat.unread", { count })}</span>
    </span>
  );
}
