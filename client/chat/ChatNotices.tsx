import "./chat.css";
import { useT } from "../i18n/locale";
import { useZonesStore } from "../zones/zones-store";
import { zoneDisplayName } from "../../shared/zones/names";
import { usePanelStore } from "../space/panel-store";
import { dismissChatNotice, PLENARY_CHANNEL, useChatStore } from "./chat-store";

/**
 * A facilitator hears of every chat line in every channel while the chat is not on screen: who
 * wrote, where, and the start of what they wrote, with one press to open the chat there. Notices
 * leave by themselves after a while; the unread count on the chat tab stays until read.
 */
export function ChatNotices() {
  const t = useT();
  const notices = useChatStore((s) => s.notices);
  const zones = useZonesStore((s) => s.zones);
  if (notices.length === 0) return null;
  const channelName = (channel: string) => {
    if (channel === PLENARY_CHANNEL) return t("chat.everyone");
    const zone = zones.find((z) => z.id === channel);
    return zone ? zoneDisplayName(zone, t) : "";
  };
  return (
    <div className="chat-notices" role="status" aria-live="polite">
      {notices.map(({ id, channel, line }) => (
        <div key={id} className="chat-notice">
          <p className="chat-notice__text">
            <strong>{t("chat.notice", { name: line.name, channel: channelName(channel) })}</strong>{" "}
            <span className="chat-notice__quote">{line.text}</span>
          </p>
          <div className="chat-notice__actions">
            <button
              type="button"
              className="button--primary"
              onClick={() => {
                useChatStore.setState({ requested: channel });
                usePanelStore.getState().showTab("chat");
              }}
            >
              {t("chat.open")}
            </button>
            <button type="button" onClick={() => dismissChatNotice(id)}>
              {t("chat.dismiss")}
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
