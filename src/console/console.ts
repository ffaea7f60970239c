/**
 * The local console: the bot's commands over stdin/stdout, through the same pipeline as Discord,
 * with replies rendered as text. Ends at the end of input (or /quit).
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { AnyCommand, Caller, Log } from "../../commands/command.js";
import { runCommand } from "../../commands/pipeline.js";
import type { Services } from "../../commands/services.js";
import type { Stories } from "../../commands/stories-service.js";
import { noticeReply } from "../render/notices.js";
import type { Reply } from "../render/reply.js";
import { toText } from "../render/text-message.js";
import { parseLine } from "./parse-line.js";

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  stories: Stories;
  commands: AnyCommand[];
  log: Log;
  /** show a prompt and a greeting (on a terminal) */
  interactive?: boolean;
  /** the conversation memory: with it, a line can follow up the one before ("when did she resign?") */
  services?: Services;
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
  const caller: Caller = { user: { id: "console", name: "console" }, guild: null, channel: "console" };
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
        await runCommand(command, options, { ...caller, send: print }, { stories: o.stories, log: o.log, services: o.services });
      } catch (err) {
        // only parseLine throws here (the pipeline answers its own errors), and only with a UserError
        await print(noticeReply((err as Error).message));
      }
    }
    if (o.interactive) lines.prompt();
  }
  lines.close();
}
