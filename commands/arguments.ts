/**
 * A command's arguments, checked against its own declaration the way Discord checks a slash command:
 * values typed by Discord pass through, values that arrive as text (a console line, a button's
 * custom id, a mention, the command line) are converted. Anything unknown, missing or malformed is
 * a UserError that says what is wrong.
 */
import { OptionType, UserError, type AnyCommand, type Declaration } from "./command.js";

/** An uploaded file as Discord describes it (only slash commands carry one). */
export interface RawAttachment {
  name: string;
  size: number;
  url: string;
}

export type RawValue = string | number | boolean | RawAttachment;

/** The key under which a face passes the subcommand chosen (`/story add` → "add"). */
export const SUBCOMMAND = "subcommand";
export type RawOptions = Record<string, RawValue>;

type OptionDef = NonNullable<Declaration["options"]>[number];

const TRUE = /^(?:true|yes|y|on|1)$/i;
const FALSE = /^(?:false|no|n|off|0)$/i;
/** a user as typed (<@123…>, <@!123…>) or as Discord sends it (the id) */
const USER = /^<@!?(\d{17,20})>$|^(\d{17,20})$/;

function fromText(label: string, def: OptionDef, value: string): RawValue {
  switch (def.type) {
    case OptionType.String:
      return value;
    case OptionType.Integer:
      if (!/^[-+]?\d+$/.test(value)) throw new UserError(`${label} must be a whole number, not "${value.slice(0, 40)}".`);
      return Number(value);
    case OptionType.Boolean:
      if (TRUE.test(value)) return true;
      if (FALSE.test(value)) return false;
      throw new UserError(`${label} must be true or false.`);
    case OptionType.User: {
      const m = USER.exec(value);
      if (!m) throw new UserError(`${label} must be a user (a mention or an id).`);
      return m[1] ?? m[2]!;
    }
    default:
      throw new UserError(`${label} cannot be given as text.`);
  }
}

function check(command: string, def: OptionDef, raw: RawValue): RawValue {
  const label = `/${command} ${def.name}`;
  if (def.type === OptionType.Attachment) {
    if (typeof raw !== "object") throw new UserError(`${label} is a file: upload it with the slash command.`);
    return raw;
  }
  if (typeof raw === "object") throw new TypeError(`option "${def.name}" of /${command} is not a file`);
  const value = typeof raw === "string" ? fromText(label, def, raw.trim()) : raw;
  const expected = def.type === OptionType.Integer ? "number" : def.type === OptionType.Boolean ? "boolean" : "string";
  if (typeof value !== expected || (def.type === OptionType.Integer && !Number.isInteger(value))) throw new TypeError(`option "${def.name}" of /${command} is not a ${expected}`);
  if (typeof value === "string") {
    if (!value) throw new UserError(`${label} is empty.`);
    if (def.max_length !== undefined && value.length > def.max_length) throw new UserError(`${label} is too long (${value.length} characters; at most ${def.max_length}).`);
  }
  if (typeof value === "number") {
    if (def.min_value !== undefined && value < def.min_value) throw new UserError(`${label} must be at least ${def.min_value}.`);
    if (def.max_value !== undefined && value > def.max_value) throw new UserError(`${label} must be at most ${def.max_value}.`);
  }
  if (def.choices && !def.choices.some((c) => c.value === value)) throw new UserError(`${label} must be one of ${def.choices.map((c) => c.value).join(", ")}.`);
  return value;
}

/** The typed arguments of `command` from what a face received (with a subcommand: its name under SUBCOMMAND, and its options). */
export function readArguments(command: AnyCommand, raw: RawOptions): Record<string, RawValue> {
  const all: readonly OptionDef[] = command.data.options ?? [];
  if (all.some((d) => d.type === OptionType.Subcommand)) {
    const { [SUBCOMMAND]: name, ...rest } = raw;
    const sub = all.find((d) => d.name === name);
    if (!sub) throw new UserError(`/${command.name} needs one of: ${all.map((d) => d.name).join(", ")}.`);
    return { [SUBCOMMAND]: sub.name, ...checkAll(`${command.name} ${sub.name}`, sub.options ?? [], rest) };
  }
  return checkAll(command.name, all, raw);
}

function checkAll(commandName: string, defs: readonly OptionDef[], raw: RawOptions): Record<string, RawValue> {
  const command = { name: commandName };
  const args: Record<string, RawValue> = {};
  for (const [name, value] of Object.entries(raw)) {
    const def = defs.find((d: OptionDef) => d.name === name);
    if (!def) throw new UserError(`/${command.name} has no option "${name}" (it has: ${defs.map((d: OptionDef) => d.name).join(", ") || "none"}).`);
    args[name] = check(command.name, def, value);
  }
  for (const def of defs as readonly OptionDef[]) {
    if (def.required && !(def.name in args)) throw new UserError(`/${command.name} needs ${def.name}: ${def.description}.`);
  }
  return args;
}
