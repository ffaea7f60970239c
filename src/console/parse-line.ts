/**
 * A console line as a command run: "/ask who laid flowers? private:true", "/source 3", "/who Mao Anying",
 * or a bare question (which is /ask). Text before any `name:` goes to the command's first required option.
 */
import { UserError, type AnyCommand } from "../../commands/command.js";

export interface ParsedLine {
  command: AnyCommand;
  options: Record<string, string>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function parseLine(line: string, commands: AnyCommand[]): ParsedLine {
  const text = line.trim();
  const slash = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
  const name = slash ? slash[1]!.toLowerCase() : "ask";
  const rest = slash ? slash[2]! : text;
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UserError(`There is no /${name}. Commands: ${commands.map((c) => `/${c.name}`).join(", ")}.`);
  const defs = command.data.options ?? [];
  if (!slash) return { command, options: { question: text } };

  const options: Record<string, string> = {};
  const keys = defs.map((d) => escapeRe(d.name));
  const marks = keys.length ? [...rest.matchAll(new RegExp(`(?:^|\\s)(${keys.join("|")}):`, "g"))] : [];
  marks.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = marks[i + 1]?.index ?? rest.length;
    options[m[1]!] = rest.slice(from, to).trim();
  });
  const free = rest.slice(0, marks[0]?.index ?? rest.length).trim();
  if (free) {
    const target = defs.find((d) => "required" in d && d.required && !(d.name in options)) ?? defs.find((d) => !(d.name in options));
    if (!target) throw new UserError(`/${command.name} takes ${defs.length ? `only ${defs.map((d) => `${d.name}:`).join(" ")}` : "no text"}.`);
    options[target.name] = free;
  }
  return { command, options };
}
