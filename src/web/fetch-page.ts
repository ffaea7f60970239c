/**
 * Fetches a page or file someone asked the bot to read, with the care a server that fetches
 * strangers' links needs: http(s) only, a deadline, a size cap, only text content types, a few
 * redirects at most, each hop checked again, and never a request to a private, loopback or
 * link-local address. Host names are resolved here and every address checked at the moment of
 * connecting, so a name that resolves to 127.0.0.1 (or changes its answer between a check and the
 * connection) is refused as the address itself would be.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { isIpLiteral, parseAllowList, rangeInWords, refusedRange } from "./addresses.js";

export interface FetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** addresses or ranges fetched from although not public (tests: ["127.0.0.1"]) */
  allow?: readonly string[];
  /** read whatever type the server says (an upload, whose kind its file name gives), still as text */
  anyTextType?: boolean;
}

export const FETCH_DEFAULTS = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

/** What a page may be, by its content type, and how it is then read. */
const KINDS: Record<string, FetchedPage["kind"]> = {
  "text/html": "html",
  "application/xhtml+xml": "html",
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
};

export interface FetchedPage {
  /** the address finally read, after redirects */
  url: string;
  kind: "html" | "text" | "markdown";
  contentType: string;
  text: string;
}

/** A link that cannot be read, with a message for the person who gave it (never a stack or internal detail). */
export class FetchError extends Error {}

/** Checks every address a name resolves to; one refused address refuses the name. */
function checkingLookup(allow: ReturnType<typeof parseAllowList>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const refused = addresses.find((a) => refusedRange(a.address, allow));
      if (refused) return callback(new FetchError(`${hostname} resolves to a ${rangeInWords(refusedRange(refused.address, allow)!)} address, which the bot does not fetch from`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function checkedUrl(raw: string, allow: ReturnType<typeof parseAllowList>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("That is not a link (it should start with https://).");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError(`Only http and https links can be read, not ${url.protocol.replace(/:$/, "")}.`);
  if (url.username || url.password) throw new FetchError("Links with a user name or password are not fetched.");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIpLiteral(host)) {
    const why = refusedRange(host, allow);
    if (why) throw new FetchError(`${host} is a ${rangeInWords(why)} address, which the bot does not fetch from.`);
  }
  return url;
}

async function readCapped(body: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new FetchError(`The page is too large (over ${Math.round(maxBytes / 1024 / 1024)} MB).`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset || "utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FetchError(charset ? `The page says it is ${charset} but could not be read as that.` : "The page is not UTF-8 text.");
  }
}

/** Why an error from undici or DNS happened, said plainly. */
function plainly(err: unknown, url: URL, timeoutMs: number): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as Error & { code?: string; cause?: Error & { code?: string } };
  if (e.cause instanceof FetchError) return e.cause;
  const code = e.code ?? e.cause?.code;
  if (e.name === "TimeoutError" || e.name === "AbortError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") return new FetchError(`${url.host} did not answer within ${timeoutMs / 1000} s.`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new FetchError(`${url.hostname} could not be found.`);
  if (code === "ECONNREFUSED") return new FetchError(`${url.host} refused the connection.`);
  return new FetchError(`${url.host} could not be reached (${code ?? e.message}).`);
}

export async function fetchPage(link: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...FETCH_DEFAULTS, ...options };
  const allow = parseAllowList(options.allow ?? []);
  // undici takes ~0.1 s to load: only a bot asked to fetch a link should pay for it
  const { Agent, request } = await import("undici");
  const agent = new Agent({ connect: { lookup: checkingLookup(allow), timeout: timeoutMs }, maxRedirections: 0 });
  const signal = AbortSignal.timeout(timeoutMs);
  let url = checkedUrl(link.trim(), allow);
  try {
    for (let hop = 0; ; hop++) {
      let res;
      try {
        res = await request(url, { method: "GET", dispatcher: agent, signal, headers: { accept: "text/html, application/xhtml+xml, text/plain, text/markdown;q=0.9", "user-agent": "storybot (reads a news story someone shared)" } });
      } catch (err) {
        throw plainly(err, url, timeoutMs);
      }
      const location = res.headers.location;
      if (res.statusCode >= 300 && res.statusCode < 400 && location) {
        await res.body.dump();
        if (hop >= maxRedirects) throw new FetchError(`The link redirects more than ${maxRedirects} times.`);
        url = checkedUrl(new URL(String(location), url).href, allow);
        continue;
      }
      if (res.statusCode !== 200) {
        await res.body.dump();
        throw new FetchError(`${url.host} answered ${res.statusCode}: the page could not be read.`);
      }
      const contentType = String(res.headers["content-type"] ?? "").toLowerCase();
      const [mime = "", ...params] = contentType.split(";").map((p) => p.trim());
      const kind = KINDS[mime] ?? (options.anyTextType ? "text" : undefined);
      if (!kind) {
        await res.body.dump();
        throw new FetchError(`The link is ${mime || "of no stated type"}, not a web page or text (html, plain text or markdown).`);
      }
      const declared = Number(res.headers["content-length"]);
      if (declared > maxBytes) {
        await res.body.dump();
        throw new FetchError(`The page is too large (${Math.round(declared / 1024 / 1024)} MB; at most ${Math.round(maxBytes / 1024 / 1024)} MB).`);
      }
      let bytes: Buffer;
      try {
        bytes = await readCapped(res.body, maxBytes);
      } catch (err) {
        throw plainly(err, url, timeoutMs);
      }
      const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/^"|"$/g, "");
      return { url: url.href, kind, contentType: mime, text: decode(bytes, charset) };
    }
  } finally {
    await agent.close().catch(() => {});
  }
}
