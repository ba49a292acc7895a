import type { ClientMessageName, ClientMessage } from "../../shared/protocol";
import * as rules from "../../shared/boards/rules";
import * as votes from "../../shared/boards/votes";
import type { RuleContext, RuleResult } from "../../shared/boards/rules";
import type { Permission } from "../../shared/session/roles";
import { defineCommand, type CommandContext, type CommandOutcome } from "../commands/registry";
import type { RateLimit } from "../commands/rate-limit";
import { newDocId, type BoardsRuntime } from "./runtime";
import { checkBoardWrite } from "./guards";

/** The boards of the room a command runs in (set up by the module). */
export type RuntimeOf = (ctx: CommandContext) => BoardsRuntime | undefined;

async function run(
  runtimeOf: RuntimeOf,
  ctx: CommandContext,
  rule: (rc: RuleContext) => RuleResult,
): Promise<CommandOutcome> {
  const runtime = runtimeOf(ctx);
  const actor = runtime?.actorOf(ctx.client.sessionId);
  if (!runtime || !actor) return { error: "not_found" };
  const result = rule({ doc: runtime.doc, actor, now: ctx.now, newId: newDocId });
  if ("error" in result) return result;
  const refused = checkBoardWrite(ctx.room, runtime.doc, actor, result.changes);
  if (refused) return { error: refused };
  return runtime.commit(result.changes);
}

/** Writing notes and moving them happen in bursts; structure changes are rarer. */
const RATES = {
  write: { perSecond: 3, burst: 10 },
  drag: { perSecond: 15, burst: 30 },
  dot: { perSecond: 10, burst: 20 },
  structure: { perSecond: 4, burst: 10 },
} satisfies Record<string, RateLimit>;

function command<N extends ClientMessageName>(
  name: N,
  permission: Permission,
  rate: RateLimit,
  runtimeOf: RuntimeOf,
  rule: (rc: RuleContext, payload: ClientMessage<N>) => RuleResult,
) {
  return defineCommand({
    name,
    permission,
    rate,
    overRate: "reject",
    run: (ctx, payload) => run(runtimeOf, ctx, (rc) => rule(rc, payload)),
  });
}

/**
 * Every boards message, each a thin wire from the protocol to a pure rule in shared/boards/.
 * The role check here is the first gate; the rules check again, together with the board's own
 * conditions (zone, lock, round, author), so nothing depends on the client behaving.
 */
export function boardsCommands(runtimeOf: RuntimeOf) {
  return [
    command("boards.create", "facilitator", RATES.structure, runtimeOf, rules.createBoard),
    command("boards.update", "facilitator", RATES.drag, runtimeOf, rules.updateBoard),
    command("boards.remove", "facilitator", RATES.structure, runtimeOf, rules.removeBoard),
    command("boards.round", "facilitator", RATES.structure, runtimeOf, rules.privateRound),
    command("boards.addNote", "member", RATES.write, runtimeOf, rules.addNote),
    command("boards.editNote", "member", RATES.write, runtimeOf, rules.editNote),
    command("boards.moveNote", "member", RATES.drag, runtimeOf, rules.moveNote),
    command("boards.removeNote", "member", RATES.write, runtimeOf, rules.removeNote),
    command("boards.clusterNote", "member", RATES.drag, runtimeOf, rules.clusterNote),
    command("boards.addCluster", "member", RATES.structure, runtimeOf, rules.addCluster),
    command("boards.renameCluster", "member", RATES.write, runtimeOf, rules.renameCluster),
    command("boards.moveCluster", "member", RATES.drag, runtimeOf, rules.moveClusterRule),
    command("boards.removeCluster", "member", RATES.structure, runtimeOf, rules.removeCluster),
    command("boards.startVote", "facilitator", RATES.structure, runtimeOf, votes.startVote),
    command("boards.dot", "member", RATES.dot, runtimeOf, votes.castDot),
    command("boards.endVote", "facilitator", RATES.structure, runtimeOf, votes.endVoteRule),
  ];
}
