/**
 * /feedback (Manage Server): how this server's people rated the answers, and the answers most often
 * marked not helpful, so a server can see what the bot gets wrong. `storybot feedback` shows every
 * server's.
 */
import type { FeedbackSummary } from "../src/feedback/feedback.js";
import { bold, italic, line, type Block } from "../src/render/rich.js";
import { Context, defineCommand, Integration, Permission, UserError, type CommandData } from "./command.js";

export const feedback = defineCommand({
  data: {
    name: "feedback",
    description: "How people rated the answers here, and the ones marked not helpful most",
    default_member_permissions: Permission.ManageGuild,
    contexts: [Context.Guild],
    integration_types: [Integration.GuildInstall],
  } as const satisfies CommandData,
  private: true,
  async query(_args, ctx): Promise<FeedbackSummary> {
    if (!ctx.services.feedback) throw new UserError("Feedback is not kept here.");
    // in a server, that server's; on the command line (no server), every server's
    return ctx.services.feedback.summary(ctx.guild);
  },
  render(s) {
    const body: Block[] = [line(`👍 ${s.helpful} helpful · 👎 ${s.notHelpful} not helpful, on ${s.answers} answer${s.answers === 1 ? "" : "s"}`)];
    if (!s.answers) body.push(line(italic("No votes yet: every answer has 👍 and 👎 buttons.")));
    const wrong = s.wrong.map((w) => line(bold(w.answer ?? "The story doesn't say."), ` — “${w.question}” (${w.story}) · 👎 ${w.notHelpful} · 👍 ${w.helpful}`));
    return { card: { title: s.server ? "Feedback in this server" : "Feedback in every server", body, fields: wrong.length ? [{ name: "Marked not helpful most often", value: wrong }] : [] } };
  },
});
