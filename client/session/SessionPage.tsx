import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type * as SpaceModule from "../space/SessionSpace";
import { forgetLinkSecret, takeLinkSecret } from "./link-secrets";
import { normaliseSessionCode, SESSION_CODE_PATTERN } from "../../shared/protocol/constants";
import type { SessionInfoResponse } from "../../shared/protocol";
import { useLocaleStore, useT } from "../i18n/locale";
import { PageShell } from "../ui/PageShell";
import { Loading } from "../ui/Loading";
import { ApiError, checkFacilitatorKey, fetchSessionInfo, takeSessionInfo } from "./api";
import { connectToSession, joinErrorCode, type JoinProfile, type SessionConnection } from "./connection";
import { ConnectionContext } from "./connection-context";
import { JoinForm, type JoinChoice } from "./JoinForm";
import { sessionStoreActions, useSessionStore } from "./session-store";
import { coachingActions } from "../coaching/coaching-store";
import { CoachesObserving } from "../coaching/CoachesObserving";

// The 3D space is the heavy part of the bundle; the join form appears before it has loaded, and it
// loads while the person types their name, so entering does not wait for it.
let spaceModule: typeof SpaceModule | null = null;
const loadSessionSpace = () =>
  import("../space/SessionSpace").then((module) => {
    spaceModule = module;
    return module;
  });
const LazySessionSpace = lazy(loadSessionSpace);
/**
 * The space itself once its module is here (it loads while the form is shown): rendered lazily, React
 * would suspend once anyway and hold the reveal back for its fallback throttle (150-300 ms of nothing).
 */
function SessionSpace(props: { onRejoin: () => void }) {
  return spaceModule ? <spaceModule.default {...props} /> : <LazySessionSpace {...props} />;
}

type Phase =
  | { name: "loading" }
  | { name: "not-found" }
  | { name: "ended" }
  | { name: "join"; info: SessionInfoResponse }
  | { name: "inside"; info: SessionInfoResponse; connection: SessionConnection };

/** How often, and how many times, to rejoin on our own when the server lost our seat (e.g. it restarted). */
const REJOIN_DELAYS_MS = [500, 1000, 2000, 3000, 5000, 5000, 10000, 10000];

/** How often an open join page asks again what the session offers (rooms, seats, coaches, timeline). */
const JOIN_INFO_REFRESH_MS = 30_000;

export function SessionPage({ code: rawCode }: { code: string }) {
  const t = useT();
  const code = normaliseSessionCode(rawCode);
  const [phase, setPhase] = useState<Phase>({ name: "loading" });
  const [busy, setBusy] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const secret = useRef<string | undefined>(undefined);
  /** A coach link's secret; a facilitator key in the same browser wins over it. */
  const coachSecret = useRef<string | undefined>(undefined);
  /** What the server said of the link's facilitator key, asked before the join form shows. */
  const [key, setKey] = useState<"none" | "valid" | "invalid" | "unknown">("none");
  const lastProfile = useRef<JoinProfile | null>(null);

  useEffect(() => {
    void loadSessionSpace().catch(() => undefined); // a failed early load is retried by lazy() on entry
  }, []);

  useEffect(() => {
    secret.current = takeLinkSecret("host", code);
    coachSecret.current = takeLinkSecret("coach", code);
    if (!SESSION_CODE_PATTERN.test(code)) {
      setPhase({ name: "not-found" });
      return;
    }
    takeSessionInfo(code).then(
      async (info) => {
        const held = secret.current;
        if (held && !info.ended) {
          const status = await checkFacilitatorKey(code, held);
          if (status === "invalid") {
            // A mistyped or stale facilitator link: say so, and let the person in as a participant.
            forgetLinkSecret("host", code);
            secret.current = undefined;
          }
          setKey(status);
        }
        setPhase(info.ended ? { name: "ended" } : { name: "join", info });
      },
      (error) =>
        setPhase(error instanceof ApiError && error.status === 404 ? { name: "not-found" } : { name: "loading" }),
    );
  }, [code]);

  // The join page can stay open a while (a room laptop set up early, a participant reading the
  // invitation): what it offers, the physical rooms and their free seats above all, is asked again
  // when the page comes back into view and every half minute, so a room added meanwhile can be chosen.
  const joining = phase.name === "join";
  const refreshJoinInfo = useCallback(() => {
    fetchSessionInfo(code).then(
      (info) =>
        setPhase((current) =>
          current.name !== "join" ? current : info.ended ? { name: "ended" } : { name: "join", info },
        ),
      () => undefined, // a failed refresh keeps what the page shows; joining reports its own errors
    );
  }, [code]);
  useEffect(() => {
    if (!joining) return;
    const refresh = refreshJoinInfo;
    const timer = setInterval(refresh, JOIN_INFO_REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [joining, refreshJoinInfo]);

  const enter = useCallback(
    async (info: SessionInfoResponse, profile: JoinProfile): Promise<boolean> => {
      sessionStoreActions.reset(code);
      coachingActions.reset(profile.coachSecret !== undefined);
      try {
        const connection = await connectToSession(profile);
        lastProfile.current = profile;
        setPhase({ name: "inside", info, connection });
        return true;
      } catch (error) {
        const reason = joinErrorCode(error);
        if (reason === "forbidden") {
          // A stale or mistyped facilitator link: forget it and let the person in as a participant.
          forgetLinkSecret("host", code);
          secret.current = undefined;
          // Likewise a replaced coach link: the person may still join as a participant.
          if (profile.coachSecret !== undefined) forgetLinkSecret("coach", code);
          coachSecret.current = undefined;
        }
        if (reason === "session_ended") setPhase({ name: "ended" });
        // Someone else took the last seat or the room's device meanwhile: show the rooms as they are now.
        if (reason === "physical_room_full" || reason === "room_device_taken") refreshJoinInfo();
        setJoinError(t(`errors.${reason}`));
        return false;
      }
    },
    [code, t, refreshJoinInfo],
  );

  const join = async (choice: JoinChoice) => {
    if (phase.name !== "join") return;
    setBusy(true);
    setJoinError(null);
    await enter(phase.info, {
      code,
      name: choice.name,
      ...(choice.color !== undefined ? { color: choice.color } : {}),
      locale: useLocaleStore.getState().locale,
      ...(choice.organisation ? { organisation: choice.organisation } : {}),
      ...(choice.observer ? { observer: true } : {}),
      ...(choice.hybrid ? { hybrid: choice.hybrid } : {}),
      ...(secret.current ? { facilitatorSecret: secret.current } : {}),
      ...(!secret.current && coachSecret.current ? { coachSecret: coachSecret.current } : {}),
    });
    setBusy(false);
  };

  // When the seat is lost for good (server restarted, network gone past the reconnection window),
  // rejoin with the same profile a few times before asking the person to do it.
  const status = useSessionStore((s) => s.status);
  const closedReason = useSessionStore((s) => s.closedReason);
  useEffect(() => {
    if (phase.name !== "inside" || status !== "closed" || closedReason !== "failed") return;
    const profile = lastProfile.current;
    if (!profile) return;
    let cancelled = false;
    useSessionStore.setState({ status: "reconnecting" });
    void (async () => {
      for (const delay of REJOIN_DELAYS_MS) {
        await new Promise((resolve) => setTimeout(resolve, delay));
        if (cancelled) return;
        if (await enter(phase.info, profile)) return;
      }
      useSessionStore.setState({ status: "closed", closedReason: "failed" });
    })();
    return () => {
      cancelled = true;
    };
  }, [phase, status, closedReason, enter]);

  switch (phase.name) {
    case "loading":
      return <Loading label={t("status.connecting")} />;
    case "not-found":
      return (
        <PageShell narrow>
          <h1>{t("notFound.heading")}</h1>
          <p>{t("notFound.body", { code })}</p>
          <a className="button" href="/">
            {t("notFound.home")}
          </a>
        </PageShell>
      );
    case "ended":
      return (
        <PageShell narrow>
          <h1>{t("join.ended")}</h1>
          <a className="button" href="/">
            {t("notFound.home")}
          </a>
        </PageShell>
      );
    case "join":
      return (
        <PageShell narrow>
          {coachSecret.current && !secret.current && (
            <p className="help" role="note" data-testid="joining-as-coach">
              {t("coaching.joiningAsCoach")}
            </p>
          )}
          <CoachesObserving count={phase.info.coaches ?? 0} />
          {phase.info.timeline && (
            <p className="help timeline-join-notice" role="note" data-testid="timeline-kept">
              {t("timeline.joinNotice")}
            </p>
          )}
          <JoinForm
            title={phase.info.title}
            asFacilitator={secret.current !== undefined && key === "valid"}
            facilitatorKeyInvalid={key === "invalid"}
            busy={busy}
            error={joinError}
            physicalRooms={phase.info.physicalRooms}
            onJoin={join}
          />
        </PageShell>
      );
    case "inside":
      return (
        <ConnectionContext.Provider value={phase.connection}>
          <Suspense fallback={<Loading label={t("status.loading")} />}>
            <SessionSpace onRejoin={() => setPhase({ name: "join", info: phase.info })} />
          </Suspense>
        </ConnectionContext.Provider>
      );
  }
}
