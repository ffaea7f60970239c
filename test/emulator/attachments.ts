/**
 * Discord's attachment CDN, on the emulator's own port: a test uploads a file here and gets the
 * attachment object an interaction carries (`data.resolved.attachments`), whose `url` the bot then
 * downloads as it would from cdn.discordapp.com.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { snowflake } from "./ids.js";

export interface EmulatedAttachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type: string;
}

export class Attachments {
  private readonly files = new Map<string, { body: Buffer; contentType: string }>();
  /** every download, by path */
  readonly downloads: string[] = [];

  constructor(private readonly base: () => string) {}

  /** Stores a file and returns the attachment object that names it. */
  upload(filename: string, content: string | Buffer, contentType = "text/plain; charset=utf-8"): EmulatedAttachment {
    const id = snowflake();
    const body = Buffer.from(content);
    const path = `/attachments/${id}/${encodeURIComponent(filename)}`;
    this.files.set(path, { body, contentType });
    const url = `${this.base()}${path}`;
    return { id, filename, size: body.length, url, proxy_url: url, content_type: contentType.split(";")[0]! };
  }

  /** Serves a stored file; false for a request that is not for the CDN. */
  handle(req: IncomingMessage, res: ServerResponse): boolean {
    const path = new URL(req.url ?? "/", "http://emulator").pathname;
    if (!path.startsWith("/attachments/")) return false;
    this.downloads.push(path);
    const file = this.files.get(path);
    if (!file) res.writeHead(404, { "content-type": "text/plain" }).end("404: Not Found");
    else res.writeHead(200, { "content-type": file.contentType, "content-length": String(file.body.length) }).end(file.body);
    return true;
  }
}
