import { Container, Text } from "@react-three/uikit";
import type { TranslationKey } from "../../shared/i18n";
import { formatClock } from "../../shared/timers/timer";
import type { ClientAction } from "../actions/registry";
import { useActions } from "../actions/use-actions";
import { openVote, sortedBoards, useBoardsStore } from "../boards/boards-store";
import { useBoardTitle } from "../boards/names";
import { handsQueue } from "../hands/actions";
import { useT } from "../i18n/locale";
import { useConnection } from "../session/connection-context";
import { useSessionStore } from "../session/session-store";
import { useRemaining } from "../timers/use-countdown";
import { useVoiceStore } from "../voice/voice-store";
import { useBreakoutDraft } from "../zones/breakout-draft";
import { useMethodsStore } from "../methods/methods-store";
import { useStepTimer } from "../methods/NowCard";
import { useZonesStore } from "../zones/zones-store";
import { ActionButton, COLORS, MenuButton, Section, type MenuButtons } from "./menu-parts";

/** Where each registered facilitation action is listed on the page, by the start of its id. */
const SECTIONS: { title: TranslationKey; prefixes: string[] }[] = [
  { title: "methods.tab", prefixes: ["methods."] },
  { title: "breakout.groupsHeading", prefixes: ["breakout.", "zones."] },
  { title: "timers.plenary", prefixes: ["timers."] },
  { title: "hands.queue", prefixes: ["hands."] },
  { title: "xr.facilitate.voice", prefixes: ["voice."] },
];

/**
 * The facilitator's page of the in-VR menu: the moves made most often while standing in the room
 * (recall, summon, the plenary countdown, sending the groups formed in the panel, hands, mute all,
 * ending a dot vote; the session plan's Next step, Extend and Back). Buttons are the registered client actions (client/actions), so they do exactly
 * what the HTML controls do; the server refuses them from anyone who is not a facilitator anyway.
 */
export function VRFacilitatePage({ buttons }: { buttons: MenuButtons }) {
  const t = useT();
  const connection = useConnection();
  const boardTitle = useBoardTitle();
  // Actions decide their visibility from these stores: re-render when they change.
  const timer = useZonesStore((s) => s.plenaryTimer);
  useZonesStore((s) => s.zones);
  useBreakoutDraft((s) => s.groups);
  useVoiceStore((s) => s.broadcaster);
  const people = useSessionStore((s) => s.people);
  const boards = useBoardsStore((s) => s.boards);
  const remaining = useRemaining(timer);
  const method = useMethodsStore((s) => s.state);
  const stepTimer = useStepTimer(method);
  const stepRemaining = useRemaining(stepTimer);
  const { actions, context } = useActions("facilitation");

  const queue = handsQueue(people);
  const votes = sortedBoards(boards).flatMap((board) => {
    const vote = openVote(board);
    return vote ? [{ vote, board }] : [];
  });
  const button = (action: ClientAction) => (
    <ActionButton key={action.id} action={action} context={context} buttons={buttons} />
  );
  const listed = new Set<string>();
  const inSection = (prefixes: string[]) =>
    actions.filter((a) => !listed.has(a.id) && prefixes.some((p) => a.id.startsWith(p)) && listed.add(a.id));

  return (
    <>
      {SECTIONS.map(({ title, prefixes }) => {
        const list = inSection(prefixes);
        const isTimer = title === "timers.plenary";
        const isHands = title === "hands.queue";
        const isMethod = title === "methods.tab";
        // The method's section shows only when a plan is set: most sessions run without one.
        if (isMethod && !method?.steps) return null;
        if (list.length === 0 && !isTimer && !isHands && !isMethod) return null;
        return (
          <Container key={title} flexDirection="column" gap={6}>
            <Section title={t(title)}>{list.map(button)}</Section>
            {isTimer && (
              <Text fontSize={15} color={COLORS.text}>
                {timer.status === "idle"
                  ? t("xr.facilitate.noTimer")
                  : `${formatClock(remaining)}${timer.status === "paused" ? ` (${t("timers.paused")})` : ""}`}
              </Text>
            )}
            {isMethod && method && (
              <Text fontSize={15} color={COLORS.text} width="100%">
                {method.current
                  ? `${t("methods.vr.step", { n: method.step + 1, count: method.steps, title: method.current.title })}   ${formatClock(stepRemaining)}`
                  : t("methods.vr.notStarted")}
              </Text>
            )}
            {isHands && (
              <Text fontSize={15} color={COLORS.text} width="100%">
                {queue.length === 0 ? t("hands.none") : queue.map((p, i) => `${i + 1}. ${p.name}`).join("   ")}
              </Text>
            )}
          </Container>
        );
      })}
      {votes.length > 0 && (
        <Section title={t("boards.vote.heading")}>
          {votes.map(({ vote, board }) => (
            <MenuButton
              key={vote.id}
              id={`boards.endVote.${board.id}`}
              buttons={buttons}
              label={t("xr.facilitate.endVote", { board: boardTitle(board) })}
              onSelect={() => connection.send("boards.endVote", { voteId: vote.id })}
            />
          ))}
        </Section>
      )}
      {actions.some((a) => !listed.has(a.id)) && (
        <Section title={t("breakout.tab")}>{actions.filter((a) => !listed.has(a.id)).map(button)}</Section>
      )}
    </>
  );
}
