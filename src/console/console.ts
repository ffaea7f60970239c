/**
 * The local console: the bot's commands over stdin/stdout, through the same handlers Discord uses,
 * with replies rendered as text. Ends at the end of input (or /quit).
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Logger } from "pino";
import type { Command, CommandContext } from "../../commands/command.js";
import { execute } from "../../commands/execute.js";
import { readOptions } from "../../commands/options.js";
import type { Stories } from "../../commands/stories-service.js";
import { noticeReply } from "../render/notices.js";
import type { Reply } from "../render/reply.js";
import { toText } from "../render/text-message.js";
import { parseLine } from "./parse-line.js";

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  stories: Stories;
  commands: Command[];
  log: Logger;
  /** show a prompt and a greeting (on a terminal) */
  interactive?: boolean;
}

export async function runConsole(o: ConsoleOptions): Promise<void> {
  const names = o.commands.map((c) => `/${c.name}`);
  const lines = createInterface({
    input: o.input,
    output: o.interactive ? o.output : undefined,
    terminal: o.interactive ?? false,
    crlfDelay: Infinity,
    completer: (line: string) => [line.startsWith("/") && !line.includes(" ") ? names.filter((n) => n.startsWith(line)) : [], line],
  });
  const print = async (reply: Reply) => {
    o.output.write(`${toText(reply)}\n\n`);
  };
  const base: Omit<CommandContext, "options"> = { stories: o.stories, log: o.log, user: { id: "console", name: "console" }, reply: print };
  if (o.interactive) {
    const current = o.stories.defaultId ? o.stories.pick(null).title : "no story loaded";
    o.output.write(`storybot console · ${current}\nType a question, or ${names.join(", ")}. Ctrl-D quits.\n\n`);
    lines.setPrompt("> ");
    lines.prompt();
  }
  for await (const line of lines) {
    const text = line.trim();
    if (text === "/quit" || text === "/exit") break;
    if (text) {
      try {
        const { command, options } = parseLine(text, o.commands);
        await execute(command, base, () => readOptions(command, options));
      } catch (err) {
        // only parseLine throws here (execute answers its own errors), and only with a UserError
        await print(noticeReply((err as Error).message));
      }
    }
    if (o.interactive) lines.prompt();
  }
  lines.close();
}
