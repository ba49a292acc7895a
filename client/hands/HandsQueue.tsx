import { useMemo } from "react";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSessionStore } from "../session/session-store";

/** Raised hands in the order they went up, for the facilitator to call on and lower. */
export function HandsQueue() {
  const t = useT();
  const connection = useConnection();
  const people = useSessionStore((s) => s.people);
  const queue = useMemo(
    () =>
      Object.values(people)
        .filter((p) => p.handRaisedAt > 0)
        .sort((a, b) => a.handRaisedAt - b.handRaisedAt),
    [people],
  );
  return (
    <section className="facilitate__section" aria-labelledby="hands-queue-heading">
      <h3 id="hands-queue-heading">{t("hands.queue")}</h3>
      {queue.length === 0 ? (
        <p className="help">{t("hands.none")}</p>
      ) : (
        <>
          <ol className="hands-queue">
            {queue.map((person) => (
              <li key={person.id}>
                <span>{person.name}</span>
                <button
                  type="button"
                  aria-label={t("hands.lowerFor", { name: person.name })}
                  onClick={() => connection.send("hands.lower", { id: person.id })}
                >
                  {t("hands.lower")}
                </button>
              </li>
            ))}
          </ol>
          {queue.length > 1 && (
            <button type="button" onClick={() => connection.send("hands.lower", { id: "*" })}>
              {t("hands.lowerAll")}
            </button>
          )}
        </>
      )}
    </section>
  );
}
