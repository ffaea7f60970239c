/**
 * The one way a command runs, whatever the face (slash command, button, mention, console, command
 * line): cooldown → context (arguments checked against the declaration) → run (query, then render)
 * → the "finished without replying" guard. A user's mistake becomes a private note; anything else a
 * logged failure with a reference the user can quote. A face only says who is asking and how a
 * reply is shown.
 */
import { createRequire } from "node:module";
import { cooldownReply, failureReply, noticeReply } from "../src/render/notices.js";
import type { Reply } from "../src/render/reply.js";
import { readArguments, type RawOptions } from "./arguments.js";
import { UserError, type AnyCommand, type Caller, type Log } from "./command.js";
import type { Cooldown } from "./cooldown.js";
import type { Services } from "./services.js";
import type { ServerLibraries } from "../src/servers/server-libraries.js";
import { storiesFor } from "./server-stories.js";
import type { Stories } from "./stories-service.js";

/** The stories a command sees where it runs: the server's library, else the shared one. */
export function storiesIn(guild: string | null, deps: Pick<PipelineDeps, "stories" | "servers">): Promise<Stories> {
  return deps.servers ? storiesFor(deps.servers, guild, deps.stories) : Promise.resolve(deps.stories);
}

/** What became of a run: the face decides how each is shown (the command line prints a result as JSON, a note on stderr). */
export type Outcome =
  | { kind: "result"; result: unknown }
  | { kind: "user-error"; message: string }
  | { kind: "failure"; ref: string }
  | { kind: "cooldown"; retryAfterMs: number };

export interface Face extends Caller {
  /** a click on one of the bot's buttons: it does not count toward the question cooldown */
  click?: boolean;
  /** every reply private (what a button reveals is for the one who clicked it) */
  private?: boolean;
  /** a refusal by the cooldown is answered every time (an interaction must be), not once per window */
  answersEveryRun?: boolean;
  /** right before the query runs, once the arguments are known (Discord arranges its deferral here) */
  begin?(run: { command: AnyCommand; private: boolean }): Promise<void> | void;
  send(reply: Reply, outcome: Outcome): Promise<void>;
  /** whether the run has been answered; by default, whether `send` was called */
  settled?(): boolean;
}

export interface PipelineDeps {
  /** the stories outside any server, and in every server when there is no `servers` */
  stories: Stories;
  /** each server's own library over the shared one (the Discord bot) */
  servers?: ServerLibraries;
  log: Log;
  /** the question cooldown; none on the console and the command line */
  cooldown?: Cooldown | null;
  services?: Services;
}

// node:crypto is loaded for the first failure only: a command line run that goes well never needs it
const require = createRequire(import.meta.url);

/** Short enough to read out, unique enough to find in the log. */
export const newRef = () => (require("node:crypto") as typeof import("node:crypto")).randomBytes(4).toString("hex");

/** Whether the reply is for the caller only: the command always answers privately, the face asks for it, or `private: true`. */
export function wantsPrivate(command: AnyCommand, args: RawOptions, face: Pick<Face, "private">): boolean {
  return !!command.private || !!face.private || args.private === true;
}

function failed(err: unknown, command: AnyCommand, face: Face, log: Log): { reply: Reply; outcome: Outcome } {
  if (err instanceof UserError) return { reply: noticeReply(err.message), outcome: { kind: "user-error", message: err.message } };
  const ref = newRef();
  log.error({ err, ref, command: command.name, user: face.user.id }, "command failed");
  return { reply: failureReply(ref), outcome: { kind: "failure", ref } };
}

export async function runCommand(command: AnyCommand, raw: RawOptions, face: Face, deps: PipelineDeps): Promise<Outcome> {
  let sent = false;
  const send = async (reply: Reply, outcome: Outcome) => {
    sent = true;
    await face.send(reply, outcome);
    return outcome;
  };

  if (deps.cooldown && !face.click) {
    const verdict = deps.cooldown.take(face.user.id);
    if (!verdict.ok) {
      const outcome: Outcome = { kind: "cooldown", retryAfterMs: verdict.retryAfterMs };
      return verdict.notify || face.answersEveryRun ? send(cooldownReply(verdict.retryAfterMs), outcome) : outcome;
    }
  }

  let args: RawOptions;
  try {
    args = readArguments(command, raw);
  } catch (err) {
    const { reply, outcome } = failed(err, command, face, deps.log);
    return send(reply, outcome);
  }
  const isPrivate = wantsPrivate(command, args, face);
  await face.begin?.({ command, private: isPrivate });

  let done: { reply: Reply; outcome: Outcome };
  try {
    const stories = await storiesIn(face.guild, deps);
    const result = await command.query(args, { user: face.user, guild: face.guild, channel: face.channel, replyTo: face.replyTo ?? null, opening: face.opening ?? null, canManageServer: face.canManageServer, stories, services: deps.services ?? {}, log: deps.log, servers: deps.servers });
    const rendered = command.render(result, { stories });
    // a `target` user option names someone to mention on purpose: the only ping a reply may carry
    const reply = typeof args.target === "string" ? { ...rendered, mention: args.target } : rendered;
    done = { reply: isPrivate ? { ...reply, private: true } : reply, outcome: { kind: "result", result } };
  } catch (err) {
    done = failed(err, command, face, deps.log);
  }
  try {
    await send(done.reply, done.outcome);
  } catch (err) {
    // the answer could not be delivered (Discord refused it after its retries): say so, if it now can be
    if (done.outcome.kind !== "result") throw err;
    done = failed(err, command, face, deps.log);
    await send(done.reply, done.outcome);
  }

  if (!(face.settled?.() ?? sent)) {
    const ref = newRef();
    deps.log.error({ ref, command: command.name }, "command finished without replying");
    return send(failureReply(ref), { kind: "failure", ref });
  }
  return done.outcome;
}
