/**
 * Option values that arrive as text (a console line, a button's custom id, a mention) checked against
 * the command's own definition, the way Discord checks them for a slash command.
 */
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from "discord.js";
import { UserError, type Command, type OptionReader } from "./command.js";

type Value = string | number | boolean;

const TRUE = /^(?:true|yes|y|on|1)$/i;
const FALSE = /^(?:false|no|n|off|0)$/i;

function convert(command: string, def: APIApplicationCommandOption, raw: string): Value {
  const value = raw.trim();
  const label = `/${command} ${def.name}`;
  switch (def.type) {
    case ApplicationCommandOptionType.String: {
      if (!value) throw new UserError(`${label} is empty.`);
      if (def.max_length !== undefined && value.length > def.max_length) throw new UserError(`${label} is too long (${value.length} characters; at most ${def.max_length}).`);
      return value;
    }
    case ApplicationCommandOptionType.Integer: {
      if (!/^[-+]?\d+$/.test(value)) throw new UserError(`${label} must be a whole number, not "${value.slice(0, 40)}".`);
      const n = Number(value);
      if (def.min_value !== undefined && n < def.min_value) throw new UserError(`${label} must be at least ${def.min_value}.`);
      if (def.max_value !== undefined && n > def.max_value) throw new UserError(`${label} must be at most ${def.max_value}.`);
      return n;
    }
    case ApplicationCommandOptionType.Boolean: {
      if (TRUE.test(value)) return true;
      if (FALSE.test(value)) return false;
      throw new UserError(`${label} must be true or false.`);
    }
    default:
      throw new UserError(`${label} cannot be given as text.`);
  }
}

/** Typed options for `command` from text values; unknown, missing or malformed options are a UserError. */
export function readOptions(command: Command, raw: Record<string, string>): OptionReader {
  const defs = command.data.options ?? [];
  const values = new Map<string, Value>();
  for (const [name, text] of Object.entries(raw)) {
    const def = defs.find((d) => d.name === name);
    if (!def) throw new UserError(`/${command.name} has no option "${name}" (it has: ${defs.map((d) => d.name).join(", ") || "none"}).`);
    values.set(name, convert(command.name, def, text));
  }
  for (const def of defs) {
    if ("required" in def && def.required && !values.has(def.name)) throw new UserError(`/${command.name} needs ${def.name}: ${def.description}.`);
  }
  const typed = <T extends Value>(kind: string, check: (v: Value) => v is T) => (name: string, required?: boolean): T | null => {
    const v = values.get(name);
    if (v === undefined) {
      if (required) throw new UserError(`/${command.name} needs ${name}.`);
      return null;
    }
    if (!check(v)) throw new TypeError(`option "${name}" of /${command.name} is not a ${kind}`);
    return v;
  };
  return {
    getString: typed("string", (v): v is string => typeof v === "string"),
    getInteger: typed("number", (v): v is number => typeof v === "number"),
    getBoolean: typed("boolean", (v): v is boolean => typeof v === "boolean"),
  } as OptionReader;
}
