import { useId, useState } from "react";
import { isMessageKey, translate } from "../../shared/i18n";
import { SHEET_IDEA_MAX } from "../../shared/methods/sheet-pass-limits";
import { useLocaleStore, useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSelf } from "../session/session-store";
import { clearMethodsRefusal, useMethodsStore } from "./methods-store";
import { NowCountdown } from "./NowCard";

/**
 * Brainwriting 6-3-5, in the cards' column over the 3D view (and on a phone): the sheet a participant
 * holds, its earlier rows read-only and their own row to fill; once the group is done, its full
 * sheets. The facilitator sees each group's progress, passes a group's sheets now and opens or
 * silences the groups' voice.
 */
export function SheetPassCard() {
  const t = useT();
  const id = useId();
  const pass = useMethodsStore((s) => s.state?.sheetPass ?? null);
  const refusal = useMethodsStore((s) => s.refusal);
  const locale = useLocaleStore((s) => s.locale);
  const self = useSelf();
  if (!pass || !self) return null;
  const facilitator = self.role === "facilitator";
  // Nothing to show someone in no group (the facilitator after the step, an observer), unless they
  // take part in the step but arrived after their group's last pass.
  if (!pass.noSheet && pass.held === null && pass.sheets === null && pass.pass === null && pass.progress === null) {
    return null;
  }
  const refused =
    refusal?.command.startsWith("methods.sheet.") === true
      ? refusal.detail && isMessageKey(refusal.detail)
        ? translate(locale, refusal.detail)
        : translate(locale, `errors.${refusal.code}`)
      : null;
  return (
    <section className="now-card sheet-pass" aria-labelledby={`${id}-title`} data-testid="sheet-pass">
      <h2 className="now-card__title" id={`${id}-title`}>
        {t("methods.sheetPass.title")}
      </h2>
      {pass.pass !== null && pass.passes !== null && pass.sheets === null && (
        <div className="sheet-pass__round">
          <p className="now-card__label" data-testid="sheet-pass-round">
            {t("methods.sheetPass.pass", { pass: Math.min(pass.pass + 1, pass.passes), passes: pass.passes })}
          </p>
          {/* Time left before the server passes the sheets on, on the server's clock. */}
          {pass.passEndsAt !== null && (
            <NowCountdown
              state={{ startedAt: pass.passEndsAt - pass.passSeconds * 1000, endsAt: pass.passEndsAt }}
              label={t("methods.sheetPass.pass", { pass: pass.pass + 1, passes: pass.passes })}
            />
          )}
        </div>
      )}
      {pass.silent && (
        <p className="now-card__note" role="status" data-testid="sheet-pass-voice">
          {pass.voiceOpen ? t("methods.sheetPass.voiceOpen") : t("methods.sheetPass.silent")}
        </p>
      )}
      {pass.held && <HeldSheet held={pass.held} ideasPerRow={pass.ideasPerRow} passSeconds={pass.passSeconds} />}
      {pass.noSheet && (
        <p className="now-card__note" data-testid="sheet-pass-none">
          {t("methods.sheetPass.noSheet")}
        </p>
      )}
      {pass.sheets && <Sheets sheets={pass.sheets} />}
      {facilitator && pass.progress && <Progress pass={pass} />}
      {refused && (
        <p className="now-card__note" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}

type View = NonNullable<NonNullable<ReturnType<typeof useMethodsStore.getState>["state"]>["sheetPass"]>;

function HeldSheet({
  held,
  ideasPerRow,
  passSeconds,
}: {
  held: NonNullable<View["held"]>;
  ideasPerRow: number;
  passSeconds: number;
}) {
  const t = useT();
  const id = useId();
  return (
    <div className="sheet-pass__sheet" data-testid="sheet-pass-held" data-sheet={held.sheet} data-row={held.row}>
      <h3 className="now-card__label">{t("methods.sheetPass.sheet", { sheet: held.sheet })}</h3>
      {held.above.length > 0 ? (
        <>
          <p className="now-card__label" id={`${id}-above`}>
            {t("methods.sheetPass.above")}
          </p>
          <ol className="sheet-pass__rows" aria-labelledby={`${id}-above`} data-testid="sheet-pass-above">
            {held.above.map((ideas, r) => (
              <li key={r}>
                <Ideas ideas={ideas} />
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="now-card__note">{t("methods.sheetPass.firstRow")}</p>
      )}
      {/* A new pass is a new row: the inputs start empty again (keyed by sheet and row). */}
      <WriteRow key={`${held.sheet}-${held.row}`} held={held} ideasPerRow={ideasPerRow} />
      <p className="now-card__note">{t("methods.sheetPass.perPass", { minutes: Math.round(passSeconds / 60) })}</p>
    </div>
  );
}

function Ideas({ ideas }: { ideas: readonly string[] }) {
  return (
    <ul className="sheet-pass__ideas">
      {ideas
        .filter((idea) => idea !== "")
        .map((idea, i) => (
          <li key={i}>{idea}</li>
        ))}
    </ul>
  );
}

function WriteRow({ held, ideasPerRow }: { held: NonNullable<View["held"]>; ideasPerRow: number }) {
  const t = useT();
  const id = useId();
  const connection = useConnection();
  const [ideas, setIdeas] = useState<string[]>(() =>
    Array.from({ length: ideasPerRow }, (_, i) => held.mine?.[i] ?? ""),
  );
  const any = ideas.some((idea) => idea.trim() !== "");
  return (
    <form
      className="sheet-pass__write"
      aria-labelledby={`${id}-label`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!any) return;
        clearMethodsRefusal();
        connection.send("methods.sheet.write", {
          sheet: held.sheet - 1,
          row: held.row,
          ideas: ideas.map((idea) => idea.trim()),
        });
      }}
    >
      <p className="now-card__label" id={`${id}-label`}>
        {t("methods.sheetPass.rowLabel", { count: ideasPerRow })}
      </p>
      {ideas.map((idea, i) => (
        <label key={i} className="sheet-pass__idea">
          <span>{t("methods.sheetPass.idea", { n: i + 1 })}</span>
          <input
            type="text"
            data-testid={`sheet-pass-idea-${i + 1}`}
            maxLength={SHEET_IDEA_MAX}
            value={idea}
            onChange={(event) => setIdeas(ideas.map((old, j) => (j === i ? event.target.value : old)))}
          />
        </label>
      ))}
      <button type="submit" data-testid="sheet-pass-write" disabled={!any}>
        {held.mine ? t("methods.sheetPass.rewrite") : t("methods.sheetPass.write")}
      </button>
      {held.mine && (
        <p className="now-card__note" role="status" data-testid="sheet-pass-written">
          {t("methods.sheetPass.written")}
        </p>
      )}
    </form>
  );
}

function Sheets({ sheets }: { sheets: NonNullable<View["sheets"]> }) {
  const t = useT();
  return (
    <div className="sheet-pass__done" data-testid="sheet-pass-sheets">
      <h3 className="now-card__label">{t("methods.sheetPass.doneTitle")}</h3>
      {sheets.map((rows, s) => (
        <details key={s} open={s === 0}>
          <summary>{t("methods.sheetPass.sheet", { sheet: s + 1 })}</summary>
          <ol className="sheet-pass__rows">
            {rows.map((ideas, r) => (
              <li key={r}>
                <Ideas ideas={ideas} />
              </li>
            ))}
          </ol>
        </details>
      ))}
    </div>
  );
}

function Progress({ pass }: { pass: View }) {
  const t = useT();
  const connection = useConnection();
  return (
    <div className="sheet-pass__progress">
      <ul className="sheet-pass__groups" data-testid="sheet-pass-progress">
        {pass.progress!.map((group, g) => {
          const done = group.pass >= group.passes;
          return (
            <li key={g}>
              <span role="status">
                {done
                  ? t("methods.sheetPass.groupDone", { group: g + 1 })
                  : t("methods.sheetPass.groupProgress", {
                      group: g + 1,
                      pass: group.pass + 1,
                      passes: group.passes,
                      written: group.written,
                      sheets: group.sheets,
                    })}
              </span>
              {!done && (
                <button
                  type="button"
                  data-testid={`sheet-pass-now-${g + 1}`}
                  aria-label={t("methods.sheetPass.passNowGroup", { group: g + 1 })}
                  onClick={() => {
                    clearMethodsRefusal();
                    connection.send("methods.sheet.pass", { group: g, from: group.pass });
                  }}
                >
                  {t("methods.sheetPass.passNow")}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {pass.silent && (
        <button
          type="button"
          data-testid="sheet-pass-voice-toggle"
          aria-pressed={pass.voiceOpen}
          onClick={() => {
            clearMethodsRefusal();
            connection.send("methods.sheet.voice", { open: !pass.voiceOpen });
          }}
        >
          {pass.voiceOpen ? t("methods.sheetPass.closeVoice") : t("methods.sheetPass.openVoice")}
        </button>
      )}
    </div>
  );
}
