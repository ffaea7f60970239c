/** Runs a command for any adapter: a user mistake becomes a private note, anything else a logged failure with a reference. */
import { randomBytes } from "node:crypto";
import { failureReply, noticeReply } from "../src/render/notices.js";
import { UserError, type Command, type CommandContext, type OptionReader } from "./command.js";

/** Short enough to read out, unique enough to find in the log. */
export const newRef = () => randomBytes(4).toString("hex");

/** `options` is read inside the guard, so that options typed as text fail as politely as the handler. */
export async function execute(command: Command, base: Omit<CommandContext, "options">, options: () => OptionReader): Promise<void> {
  try {
    await command.run({ ...base, options: options() });
  } catch (err) {
    if (err instanceof UserError) return base.reply(noticeReply(err.message));
    const ref = newRef();
    base.log.error({ err, ref, command: command.name, user: base.user.id }, "command failed");
    await base.reply(failureReply(ref));
  }
}
