/** A Reply as plain text, for the local console and the CLI. */
import { actionAsCommand, type Reply } from "./reply.js";
import { toPlain } from "./rich.js";

export function toText(reply: Reply): string {
  const out: string[] = [];
  if (reply.text?.length) out.push(toPlain(reply.text));
  const card = reply.card;
  if (card) {
    if (card.title) out.push(card.title);
    if (card.body.length) out.push(toPlain(card.body));
    for (const f of card.fields ?? []) out.push(`${f.name}:\n${toPlain(f.value)}`);
    if (card.footer) out.push(card.footer);
  }
  for (const a of reply.actions ?? []) if (a.inText !== false) out.push(`${a.label}: ${actionAsCommand(a)}`);
  return out.join("\n");
}
