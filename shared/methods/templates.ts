import type { Locale } from "../protocol/common";
import { translate, type TranslateParams, type TranslationKey } from "../i18n";
import type { Capture, Grouping, Mechanic, Plan, PlanStep, StepVote, TroikaPhase } from "./plan";

/**
 * The built-in methods, each with its real mechanics (see PRODUCT.md, "Methods"). A template is a
 * recipe of string keys; picking one turns it into an ordinary plan in the facilitator's language,
 * which they can then adapt (durations, group sizes, prompts).
 */

export const TEMPLATE_IDS = [
  "oneTwoFourAll",
  "crowdSourcing",
  "triz",
  "troika",
  "whatSoWhat",
  "worldCafe",
  "brainwriting",
  "leanCoffee",
  "openSpace",
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

type Text = { key: TranslationKey; params?: TranslateParams };
const t = (key: TranslationKey, params?: TranslateParams): Text => ({ key, params });

/** A capture board whose title is still a string key. */
type CaptureSpec =
  | (Omit<Capture, "board"> & { board: { kind: "new"; title: Text; where: "group" | "plenary" } })
  | (Omit<Capture, "board"> & { board: { kind: "step"; ref: string } });

interface StepSpec {
  /** Local name, used for references between the template's own steps. */
  ref: string;
  title: Text;
  prompt: Text;
  minutes: number;
  grouping: Grouping;
  capture?: CaptureSpec;
  vote?: StepVote;
  silent?: boolean;
  mechanic?: Mechanic;
}

export interface TemplateSpec {
  id: TemplateId;
  name: TranslationKey;
  summary: TranslationKey;
  steps: StepSpec[];
}

const open = { writing: "open", names: "named" } as const;
const newBoard = (title: TranslationKey, where: "group" | "plenary", extra: Partial<Capture> = {}): CaptureSpec => ({
  ...open,
  ...extra,
  board: { kind: "new", title: t(title), where },
});
const keep = (ref: string, extra: Partial<Capture> = {}): CaptureSpec => ({
  ...open,
  ...extra,
  board: { kind: "step", ref },
});

/** One 1-2-4-All cycle (alone 1, pairs 2, fours 4, all 5 minutes); TRIZ runs three of them. */
function oneTwoFourAll(prefix: string, prompt: Text, allBoard: TranslationKey, mechanic?: Mechanic): StepSpec[] {
  const tag = prefix ? `${prefix}-` : "";
  return [
    {
      ref: `${tag}alone`,
      title: t("methods.step.alone"),
      prompt,
      minutes: 1,
      grouping: { kind: "solo" },
      mechanic,
    },
    {
      ref: `${tag}pairs`,
      title: t("methods.step.pairs"),
      prompt,
      minutes: 2,
      grouping: { kind: "pairs", mix: true },
      capture: newBoard("methods.board.pairNotes", "group"),
      mechanic,
    },
    {
      ref: `${tag}fours`,
      title: t("methods.step.fours"),
      prompt,
      minutes: 4,
      grouping: { kind: "mergePairs" },
      // The pairs' boards merge onto the four's board: both pairs' notes come along.
      capture: keep(`${tag}pairs`),
      mechanic,
    },
    {
      ref: `${tag}all`,
      title: t("methods.step.all"),
      prompt,
      minutes: 5,
      grouping: { kind: "everyone" },
      capture: newBoard(allBoard, "plenary"),
      mechanic,
    },
  ];
}

const TROIKA_MINUTES: Record<TroikaPhase, number> = { explain: 2, ask: 2, advise: 5, reflect: 2 };

function troikaSteps(): StepSpec[] {
  const steps: StepSpec[] = [];
  for (let client = 0; client < 3; client++) {
    for (const phase of ["explain", "ask", "advise", "reflect"] as const) {
      steps.push({
        ref: `c${client}-${phase}`,
        title: t(`methods.tpl.troika.${phase}.title`, { n: client + 1 }),
        prompt: t(`methods.tpl.troika.${phase}.prompt`),
        minutes: TROIKA_MINUTES[phase],
        grouping: steps.length === 0 ? { kind: "groupsOf", size: 3, mix: true } : { kind: "previous" },
        mechanic: { kind: "troika", phase, client, oneWayGlass: phase === "advise" },
      });
    }
  }
  return steps;
}

export const TEMPLATES: Record<TemplateId, TemplateSpec> = {
  oneTwoFourAll: {
    id: "oneTwoFourAll",
    name: "methods.tpl.oneTwoFourAll.name",
    summary: "methods.tpl.oneTwoFourAll.summary",
    steps: oneTwoFourAll("", t("methods.tpl.oneTwoFourAll.prompt"), "methods.board.allIdeas"),
  },
  crowdSourcing: {
    id: "crowdSourcing",
    name: "methods.tpl.crowdSourcing.name",
    summary: "methods.tpl.crowdSourcing.summary",
    steps: [
      {
        ref: "write",
        title: t("methods.tpl.crowdSourcing.write.title"),
        prompt: t("methods.tpl.crowdSourcing.write.prompt"),
        minutes: 5,
        grouping: { kind: "solo" },
        capture: newBoard("methods.board.boldIdeas", "plenary", { writing: "private", names: "anonymous" }),
      },
      {
        ref: "pass",
        title: t("methods.tpl.crowdSourcing.pass.title"),
        prompt: t("methods.tpl.crowdSourcing.pass.prompt"),
        minutes: 10,
        grouping: { kind: "everyone" },
        capture: keep("write", { writing: "private", names: "anonymous" }),
        // Five rounds, each card scored 1-5 by whoever holds it, earlier scores hidden.
        mechanic: { kind: "cardPass", rounds: 5, scale: 5 },
      },
      {
        ref: "reveal",
        title: t("methods.tpl.crowdSourcing.reveal.title"),
        prompt: t("methods.tpl.crowdSourcing.reveal.prompt"),
        minutes: 10,
        grouping: { kind: "everyone" },
        capture: keep("write", { names: "anonymous" }),
      },
    ],
  },
  triz: {
    id: "triz",
    name: "methods.tpl.triz.name",
    summary: "methods.tpl.triz.summary",
    steps: [
      ...oneTwoFourAll("worst", t("methods.tpl.triz.worst.prompt"), "methods.board.worstOutcomes", {
        kind: "stage",
        stage: 1,
        of: 3,
        alreadyTag: false,
        owners: false,
      }),
      ...oneTwoFourAll("already", t("methods.tpl.triz.already.prompt"), "methods.board.weDoThis", {
        kind: "stage",
        stage: 2,
        of: 3,
        alreadyTag: true,
        owners: false,
      }),
      ...oneTwoFourAll("stop", t("methods.tpl.triz.stop.prompt"), "methods.board.firstSteps", {
        kind: "stage",
        stage: 3,
        of: 3,
        alreadyTag: false,
        owners: true,
      }),
    ],
  },
  troika: {
    id: "troika",
    name: "methods.tpl.troika.name",
    summary: "methods.tpl.troika.summary",
    steps: troikaSteps(),
  },
  whatSoWhat: {
    id: "whatSoWhat",
    name: "methods.tpl.whatSoWhat.name",
    summary: "methods.tpl.whatSoWhat.summary",
    steps: (["what", "soWhat", "nowWhat"] as const).map((stage, i) => ({
      ref: stage,
      title: t(`methods.tpl.whatSoWhat.${stage}.title`),
      prompt: t(`methods.tpl.whatSoWhat.${stage}.prompt`),
      minutes: 7,
      grouping: i === 0 ? { kind: "groupsOf", size: 6, mix: true } : { kind: "previous" },
      capture: newBoard(`methods.tpl.whatSoWhat.${stage}.title`, "group"),
      mechanic: { kind: "stage", stage: i + 1, of: 3, alreadyTag: false, owners: false },
    })),
  },
  worldCafe: {
    id: "worldCafe",
    name: "methods.tpl.worldCafe.name",
    summary: "methods.tpl.worldCafe.summary",
    steps: [
      ...[1, 2, 3].map((round): StepSpec => ({
        ref: `round${round}`,
        title: t("methods.tpl.worldCafe.round.title", { n: round }),
        prompt: t(round === 1 ? "methods.tpl.worldCafe.first.prompt" : "methods.tpl.worldCafe.next.prompt"),
        minutes: 20,
        // Hosts stay; the others move on to meet as few of the same people as possible.
        grouping: { kind: "tables", size: 5, rotate: round > 1, mix: true },
        // Each table keeps its tablecloth across the rounds.
        capture: round === 1 ? newBoard("methods.board.tablecloth", "group") : keep("round1"),
      })),
      {
        ref: "harvest",
        title: t("methods.tpl.worldCafe.harvest.title"),
        prompt: t("methods.tpl.worldCafe.harvest.prompt"),
        minutes: 15,
        grouping: { kind: "everyone" },
        capture: keep("round1"),
        mechanic: { kind: "harvest" },
      },
    ],
  },
  brainwriting: {
    id: "brainwriting",
    name: "methods.tpl.brainwriting.name",
    summary: "methods.tpl.brainwriting.summary",
    steps: [
      {
        ref: "write",
        title: t("methods.tpl.brainwriting.write.title"),
        prompt: t("methods.tpl.brainwriting.write.prompt"),
        // Six people, six passes of five minutes.
        minutes: 30,
        grouping: { kind: "groupsOf", size: 6, mix: true },
        capture: newBoard("methods.board.sheets", "group"),
        silent: true,
        mechanic: { kind: "sheetPass", ideasPerRow: 3, passSeconds: 300 },
      },
      {
        ref: "cluster",
        title: t("methods.tpl.brainwriting.cluster.title"),
        prompt: t("methods.tpl.brainwriting.cluster.prompt"),
        minutes: 10,
        grouping: { kind: "previous" },
        capture: keep("write"),
      },
      {
        ref: "vote",
        title: t("methods.tpl.brainwriting.vote.title"),
        prompt: t("methods.tpl.brainwriting.vote.prompt"),
        minutes: 5,
        grouping: { kind: "previous" },
        capture: keep("write"),
        vote: { perPerson: 3, maxPerNote: 1, anonymous: true },
      },
    ],
  },
  leanCoffee: {
    id: "leanCoffee",
    name: "methods.tpl.leanCoffee.name",
    summary: "methods.tpl.leanCoffee.summary",
    steps: [
      {
        ref: "topics",
        title: t("methods.tpl.leanCoffee.topics.title"),
        prompt: t("methods.tpl.leanCoffee.topics.prompt"),
        minutes: 5,
        grouping: { kind: "everyone" },
        capture: newBoard("methods.board.topics", "plenary"),
      },
      {
        ref: "vote",
        title: t("methods.tpl.leanCoffee.vote.title"),
        prompt: t("methods.tpl.leanCoffee.vote.prompt"),
        minutes: 3,
        grouping: { kind: "everyone" },
        capture: keep("topics"),
        vote: { perPerson: 2, maxPerNote: 2, anonymous: false },
      },
      {
        ref: "discuss",
        title: t("methods.tpl.leanCoffee.discuss.title"),
        prompt: t("methods.tpl.leanCoffee.discuss.prompt"),
        minutes: 45,
        grouping: { kind: "everyone" },
        capture: keep("topics"),
        mechanic: { kind: "kanban", topicSeconds: 420, extendVote: true },
      },
    ],
  },
  openSpace: {
    id: "openSpace",
    name: "methods.tpl.openSpace.name",
    summary: "methods.tpl.openSpace.summary",
    steps: [
      {
        ref: "opening",
        title: t("methods.tpl.openSpace.opening.title"),
        prompt: t("methods.tpl.openSpace.opening.prompt"),
        minutes: 10,
        grouping: { kind: "everyone" },
      },
      {
        ref: "market",
        title: t("methods.tpl.openSpace.market.title"),
        prompt: t("methods.tpl.openSpace.market.prompt"),
        minutes: 15,
        grouping: { kind: "everyone" },
        capture: newBoard("methods.board.marketplace", "plenary"),
        mechanic: { kind: "marketplace", slots: 3, zones: 6, noteTaker: true },
      },
      ...[1, 2, 3].map((slot): StepSpec => ({
        ref: `slot${slot}`,
        title: t("methods.tpl.openSpace.slot.title", { n: slot }),
        prompt: t("methods.tpl.openSpace.slot.prompt"),
        minutes: 30,
        // Everyone moves freely between the zones (the law of two feet).
        grouping: { kind: "everyone" },
        capture: keep("market"),
        mechanic: { kind: "marketplace", slots: 3, zones: 6, noteTaker: true },
      })),
      {
        ref: "closing",
        title: t("methods.tpl.openSpace.closing.title"),
        prompt: t("methods.tpl.openSpace.closing.prompt"),
        minutes: 15,
        grouping: { kind: "everyone" },
        capture: keep("market"),
        mechanic: { kind: "harvest" },
      },
    ],
  },
};

/** Every string key a template uses, so a test can check each one exists in every language. */
export function templateKeys(id: TemplateId): TranslationKey[] {
  const spec = TEMPLATES[id];
  const keys: TranslationKey[] = [spec.name, spec.summary];
  for (const step of spec.steps) {
    keys.push(step.title.key, step.prompt.key);
    if (step.capture?.board.kind === "new") keys.push(step.capture.board.title.key);
  }
  return keys;
}

/** The template as a plan in `locale`, with fresh ids from `newId`. */
export function templatePlan(id: TemplateId, locale: Locale, newId: () => string): Plan {
  const spec = TEMPLATES[id];
  const say = (text: Text) => translate(locale, text.key, text.params);
  const ids = new Map(spec.steps.map((step) => [step.ref, newId()]));
  const steps = spec.steps.map((step): PlanStep => {
    let capture: Capture | null = null;
    if (step.capture) {
      const { board, ...rest } = step.capture;
      capture =
        board.kind === "new"
          ? { ...rest, board: { kind: "new", title: say(board.title), where: board.where } }
          : { ...rest, board: { kind: "step", stepId: ids.get(board.ref)! } };
    }
    return {
      id: ids.get(step.ref)!,
      title: say(step.title),
      prompt: say(step.prompt),
      durationSeconds: step.minutes * 60,
      grouping: step.grouping,
      capture,
      vote: step.vote ?? null,
      silent: step.silent ?? false,
      mechanic: step.mechanic ?? null,
    };
  });
  return { id: newId(), title: say(t(spec.name)), template: id, steps };
}
