/**
 * What Discord refuses, as it refuses it: a message or autocomplete payload over its documented
 * limits is a 400 with code 50035 "Invalid Form Body" and the field that broke the rule; requests
 * beyond a route's rate limit, or the global one, are 429s. Kept apart from src/render/limits.ts on
 * purpose: the emulator must not trust the code it checks.
 */

/** Discord's documented limits (Message, Embed, Component and Autocomplete limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
};

const L = DISCORD_LIMITS;

/** Field paths that break a rule, as Discord lists them in a 50035's `errors`. */
export function messageErrors(data: any, at = ""): string[] {
  const out: string[] = [];
  const len = (v: unknown) => (typeof v === "string" ? [...v].length : 0);
  const over = (path: string, v: unknown, max: number) => {
    if (len(v) > max) out.push(`${at}${path}: must be ${max} or fewer in length`);
  };
  if (!data || typeof data !== "object") return out;
  over("content", data.content, L.content);
  const embeds: any[] = Array.isArray(data.embeds) ? data.embeds : [];
  if (embeds.length > L.embeds) out.push(`${at}embeds: must be ${L.embeds} or fewer in length`);
  embeds.forEach((e, i) => {
    const p = `embeds.${i}.`;
    over(`${p}title`, e?.title, L.title);
    over(`${p}description`, e?.description, L.description);
    over(`${p}footer.text`, e?.footer?.text, L.footer);
    over(`${p}author.name`, e?.author?.name, L.author);
    const fields: any[] = Array.isArray(e?.fields) ? e.fields : [];
    if (fields.length > L.fields) out.push(`${at}${p}fields: must be ${L.fields} or fewer in length`);
    fields.forEach((f, j) => {
      over(`${p}fields.${j}.name`, f?.name, L.fieldName);
      over(`${p}fields.${j}.value`, f?.value, L.fieldValue);
      if (!len(f?.name) || !len(f?.value)) out.push(`${at}${p}fields.${j}: name and value are required`);
    });
    const total = [e?.title, e?.description, e?.footer?.text, e?.author?.name, ...fields.flatMap((f) => [f?.name, f?.value])].reduce((n: number, t) => n + len(t), 0);
    if (total > L.embedTotal) out.push(`${at}embeds: embed size exceeds maximum size of ${L.embedTotal}`);
  });
  const rows: any[] = Array.isArray(data.components) ? data.components : [];
  if (rows.length > L.actionRows) out.push(`${at}components: must be ${L.actionRows} or fewer in length`);
  rows.forEach((r, i) => {
    const buttons: any[] = Array.isArray(r?.components) ? r.components : [];
    if (buttons.length > L.buttonsPerRow) out.push(`${at}components.${i}.components: must be ${L.buttonsPerRow} or fewer in length`);
    buttons.forEach((b, j) => {
      over(`components.${i}.components.${j}.custom_id`, b?.custom_id, L.customId);
      over(`components.${i}.components.${j}.label`, b?.label, L.buttonLabel);
    });
  });
  return out;
}

export function choiceErrors(data: any): string[] {
  const choices: any[] = Array.isArray(data?.choices) ? data.choices : [];
  const out: string[] = [];
  if (choices.length > L.choices) out.push(`data.choices: must be ${L.choices} or fewer in length`);
  choices.forEach((c, i) => {
    const name = typeof c?.name === "string" ? [...c.name].length : 0;
    if (name < 1 || name > L.choiceName) out.push(`data.choices.${i}.name: must be between 1 and ${L.choiceName} in length`);
    if (String(c?.value ?? "").length > L.choiceValue) out.push(`data.choices.${i}.value: must be ${L.choiceValue} or fewer in length`);
  });
  return out;
}

export function invalidFormBody(errors: string[]) {
  return { status: 400, body: { message: "Invalid Form Body", code: 50035, errors: Object.fromEntries(errors.map((e) => { const [path, why] = e.split(": "); return [path, { _errors: [{ code: "BASE_TYPE_BAD_LENGTH", message: why }] }]; })) } };
}
