import { useId } from "react";
import { isMessageKey, translate } from "../../shared/i18n";
import { KANBAN_COLUMNS, THUMBS, type KanbanColumn } from "../../shared/methods/kanban-limits";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { clearMethodsRefusal, useMethodsStore } from "./methods-store";
import { NowCountdown, useStepTimer } from "./NowCard";
import { useRemaining } from "../timers/use-countdown";
import { Icon } from "../ui/icons";

/**
 * Lean Coffee, in the cards' column: the topics in To discuss / Discussing / Done (side by side where
 * there is room, one under another on a phone), the topic under discussion with its clock and the
 * thumbs to extend it. The facilitator starts the next topic, ends one or counts the thumbs; the
 * server checks every move (shared/methods/kanban.ts).
 */

type View = NonNullable<NonNullable<ReturnType<typeof useMethodsStore.getState>["state"]>["kanban"]>;
type TopicView = View["topics"][number];

export function KanbanCard() {
  const t = useT();
  const id = useId();
  const board = useMethodsStore((s) => s.state?.kanban ?? null);
  const refusal = useMethodsStore((s) => s.refusal);
  const locale = useLocaleStore((s) => s.locale);
  const self = useSelf();
  const connection = useConnection();
  if (!board || !self) return null;
  const facilitator = self.role === "facilitator";
  const doing = board.topics.find((tp) => tp.column === "doing") ?? null;
  const waiting = board.topics.some((tp) => tp.column === "todo");
  const refused =
    refusal?.command.startsWith("methods.kanban.") === true
      ? refusal.detail && isMessageKey(refusal.detail)
        ? translate(locale, refusal.detail)
        : translate(locale, `errors.${refusal.code}`)
      : null;
  const move = (action: "next" | "done" | "count") => {
    clearMethodsRefusal();
    connection.send("methods.kanban.move", { action, topic: doing?.id ?? null });
  };
  const canThumb = board.current && board.extendVote && doing && (facilitator || self.role === "participant");
  return (
    <section className="now-card kanban" aria-labelledby={`${id}-title`} data-testid="kanban">
      <h2 className="now-card__title" id={`${id}-title`}>
        {t("methods.kanban.title")}
      </h2>
      {board.current ? (
        <p className="now-card__note">
          {t("methods.kanban.perTopic", {
            minutes: Math.round(board.topicSeconds / 60),
            extend: Math.round(board.extendSeconds / 60),
          })}
        </p>
      ) : (
        <p className="now-card__note">{t("methods.kanban.over")}</p>
      )}
      <div className="kanban__columns" role="group" aria-label={t("methods.kanban.caption")}>
        {KANBAN_COLUMNS.map((column) => (
          <Column key={column} column={column} topics={board.topics.filter((tp) => tp.column === column)} />
        ))}
      </div>
      {doing && board.current && <TopicClock board={board} topic={doing} />}
      {canThumb && doing && (
        <fieldset className="kanban__thumbs" data-testid="kanban-thumbs">
          <legend>{t("methods.kanban.thumbsLabel")}</legend>
          <div className="kanban__thumb-buttons">
            {THUMBS.map((thumb) => (
              <button
                key={thumb}
                type="button"
                data-testid={`kanban-thumb-${thumb}`}
                aria-pressed={board.mine === thumb}
                aria-label={t(`methods.kanban.thumb.${thumb}`)}
                title={t(`methods.kanban.thumb.${thumb}`)}
                onClick={() => {
                  clearMethodsRefusal();
                  connection.send("methods.kanban.thumb", { topic: doing.id, round: board.round, thumb });
                }}
              >
                {/* One drawn thumb, turned for sideways and down (emoji fonts are not everywhere). */}
                <span className={`kanban__thumb kanban__thumb--${thumb}`}>
                  <Icon name="thumbs_up" size={24} />
                </span>
              </button>
            ))}
          </div>
          <p className="now-card__note" role="status" data-testid="kanban-tally">
            {t("methods.kanban.tally", board.thumbs)}
          </p>
        </fieldset>
      )}
      {facilitator && board.current && (
        <div className="kanban__actions">
          <button type="button" data-testid="kanban-next" disabled={!waiting} onClick={() => move("next")}>
            {t("methods.kanban.startNext")}
          </button>
          {doing && board.extendVote && (
            <button type="button" data-testid="kanban-count" onClick={() => move("count")}>
              {t("methods.kanban.count")}
            </button>
          )}
          {doing && (
            <button type="button" data-testid="kanban-done" onClick={() => move("done")}>
              {t("methods.kanban.finish")}
            </button>
          )}
        </div>
      )}
      {refused && (
        <p className="now-card__note" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}

function Column({ column, topics }: { column: KanbanColumn; topics: readonly TopicView[] }) {
  const t = useT();
  const id = useId();
  return (
    <section className="kanban__column" aria-labelledby={id} data-testid={`kanban-${column}`} data-column={column}>
      <h3 className="now-card__label" id={id}>
        {t(`methods.kanban.${column}`)} ({topics.length})
      </h3>
      {topics.length === 0 ? (
        <p className="now-card__note">{t("methods.kanban.empty")}</p>
      ) : (
        <ol className="kanban__topics">
          {topics.map((topic) => (
            <li key={topic.id} className="kanban__topic" data-testid="kanban-topic">
              <span className="kanban__text">{topic.text}</span>
              <span className="kanban__meta">
                {t("methods.kanban.votes", { count: topic.votes })}
                {topic.extensions > 0 && ` · ${t("methods.kanban.extended", { n: topic.extensions })}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The topic's time left; once it is up, the prompt to show a thumb (or, without thumbs, to move on). */
function TopicClock({ board, topic }: { board: View; topic: TopicView }) {
  const t = useT();
  const clock = {
    startedAt: topic.endsAt! - (board.topicSeconds + topic.extensions * board.extendSeconds) * 1000,
    endsAt: topic.endsAt,
  };
  const remaining = useRemaining(useStepTimer(clock));
  return (
    <div className="kanban__now">
      <NowCountdown state={clock} label={topic.text} />
      {board.extendVote && remaining <= 0 && (
        <p className="now-card__note" role="status" data-testid="kanban-time-up">
          {t("methods.kanban.timeUp")}
        </p>
      )}
    </div>
  );
}
