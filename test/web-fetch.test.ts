/**
 * Fetching links people give the bot, against local HTTP servers: what is read, and every refusal
 * (schemes, private and loopback addresses, also behind a redirect or a host name, types, sizes,
 * time). Refused addresses are checked before any connection is made: nothing here sends a packet
 * anywhere but the loopback.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllowList, refusedRange } from "../src/web/addresses.js";
import { FetchError, fetchPage } from "../src/web/fetch-page.js";

/** the test server listens on 127.0.0.2, the one address allowed; localhost (127.0.0.1) stays refused */
const LOCAL = ["127.0.0.2"];
let server: Server;
let base: string;
let connections = 0;

const ARTICLE = "Harbour fire\n\nA fire broke out at the harbour on Monday, the coastguard said.\n";

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  "/story.txt": (_q, res) => res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(ARTICLE),
  "/story.md": (_q, res) => res.writeHead(200, { "content-type": "text/markdown" }).end("# Harbour fire\n\nA *fire* broke out.\n"),
  "/page.html": (_q, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<html><body><p>A fire broke out.</p></body></html>"),
  "/latin1": (_q, res) => res.writeHead(200, { "content-type": "text/plain; charset=iso-8859-1" }).end(Buffer.from([0x43, 0x61, 0x66, 0xe9])),
  "/not-utf8": (_q, res) => res.writeHead(200, { "content-type": "text/plain" }).end(Buffer.from([0x43, 0x61, 0x66, 0xe9])),
  "/image.png": (_q, res) => res.writeHead(200, { "content-type": "image/png" }).end(Buffer.alloc(10)),
  "/big": (_q, res) => res.writeHead(200, { "content-type": "text/plain", "content-length": "5000" }).end("x".repeat(5000)),
  "/big-chunked": (_q, res) => {
    res.writeHead(200, { "content-type": "text/plain" });
    for (let i = 0; i < 10; i++) res.write("y".repeat(500));
    res.end();
  },
  "/missing": (_q, res) => res.writeHead(404, { "content-type": "text/plain" }).end("no"),
  "/hang": () => {},
  "/to-story": (_q, res) => res.writeHead(302, { location: "/story.txt" }).end(),
  "/to-private": (_q, res) => res.writeHead(302, { location: "http://10.20.30.40/internal" }).end(),
  "/to-metadata": (_q, res) => res.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
  "/to-mapped": (_q, res) => res.writeHead(307, { location: "http://[::ffff:192.168.1.1]/" }).end(),
  "/to-localhost": (_q, res) => res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/story.txt` }).end(),
  "/to-file": (_q, res) => res.writeHead(302, { location: "file:///etc/passwd" }).end(),
  "/loop": (_q, res) => res.writeHead(302, { location: "/loop" }).end(),
};

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ""] ?? routes["/missing"]!)(req, res));
  server.on("connection", () => connections++);
  await new Promise<void>((done) => server.listen(0, "127.0.0.2", done));
  base = `http://127.0.0.2:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

const refusal = async (link: string, options = { allow: LOCAL }) => {
  const err = await fetchPage(link, options).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FetchError);
  return (err as Error).message;
};

describe("fetching a page", () => {
  it("reads plain text, markdown and html, saying which it is, after a local redirect", async () => {
    expect(await fetchPage(`${base}/story.txt`, { allow: LOCAL })).toEqual({ url: `${base}/story.txt`, kind: "text", contentType: "text/plain", text: ARTICLE });
    expect((await fetchPage(`${base}/story.md`, { allow: LOCAL })).kind).toBe("markdown");
    expect((await fetchPage(`${base}/page.html`, { allow: LOCAL })).kind).toBe("html");
    const redirected = await fetchPage(`${base}/to-story`, { allow: LOCAL });
    expect(redirected.url).toBe(`${base}/story.txt`);
    expect(redirected.text).toBe(ARTICLE);
  });

  it("decodes the charset the page declares, and refuses bytes that are not what it says", async () => {
    expect((await fetchPage(`${base}/latin1`, { allow: LOCAL })).text).toBe("Café");
    expect(await refusal(`${base}/not-utf8`)).toMatch(/not UTF-8/);
  });

  it("refuses loopback addresses unless they are allow-listed, and host names that resolve to them", async () => {
    const before = connections;
    expect(await refusal(`${base}/story.txt`, { allow: [] })).toMatch(/127\.0\.0\.2 is a loopback address/);
    expect(await refusal(`http://localhost:${new URL(base).port}/story.txt`, { allow: [] })).toMatch(/localhost resolves to a loopback address/);
    expect(await refusal(`http://[::1]:${new URL(base).port}/`, { allow: [] })).toMatch(/::1 is a loopback address/);
    expect(connections).toBe(before);
  });

  it("checks every redirect again: private, link-local and mapped addresses, loopback names, other schemes", async () => {
    expect(await refusal(`${base}/to-private`)).toMatch(/10\.20\.30\.40 is a private address/);
    expect(await refusal(`${base}/to-metadata`)).toMatch(/169\.254\.169\.254 is a link-local address/);
    expect(await refusal(`${base}/to-mapped`)).toMatch(/is a private address/);
    // a host name is checked by every address it resolves to: localhost is loopback, and not the allowed one
    expect(await refusal(`${base}/to-localhost`)).toMatch(/localhost resolves to a loopback address/);
    expect(await refusal(`${base}/to-file`)).toMatch(/Only http and https/);
    expect(await refusal(`${base}/loop`)).toMatch(/redirects more than 5 times/);
  });

  it("refuses other schemes, credentials and what is not a link", async () => {
    expect(await refusal("ftp://example.com/story.txt")).toMatch(/Only http and https/);
    expect(await refusal("file:///etc/passwd")).toMatch(/Only http and https/);
    expect(await refusal("javascript:alert(1)")).toMatch(/Only http and https/);
    expect(await refusal("http://user:secret@example.com/")).toMatch(/user name or password/);
    expect(await refusal("not a link")).toMatch(/not a link/);
  });

  it("refuses what is not text, what is too large, what is missing and what never answers", async () => {
    expect(await refusal(`${base}/image.png`)).toMatch(/image\/png, not a web page or text/);
    expect(await fetchPage(`${base}/big`, { allow: LOCAL, maxBytes: 1000 }).catch((e: Error) => e.message)).toMatch(/too large/);
    expect(await fetchPage(`${base}/big-chunked`, { allow: LOCAL, maxBytes: 1000 }).catch((e: Error) => e.message)).toMatch(/too large/);
    expect(await refusal(`${base}/missing`)).toMatch(/answered 404/);
    expect(await fetchPage(`${base}/hang`, { allow: LOCAL, timeoutMs: 300 }).catch((e: Error) => e.message)).toMatch(/did not answer within 0\.3 s/);
  });
});

describe("address ranges", () => {
  it("allows public unicast only, unless allow-listed", () => {
    expect(refusedRange("93.184.216.34")).toBeNull();
    expect(refusedRange("2606:2800:220:1:248:1893:25c8:1946")).toBeNull();
    for (const [address, range] of [["127.0.0.1", "loopback"], ["10.0.0.1", "private"], ["172.16.5.4", "private"], ["192.168.0.1", "private"], ["169.254.169.254", "linkLocal"], ["0.0.0.0", "unspecified"], ["::1", "loopback"], ["fe80::1", "linkLocal"], ["fd00::1", "uniqueLocal"], ["::ffff:127.0.0.1", "loopback"], ["100.64.0.1", "carrierGradeNat"], ["224.0.0.1", "multicast"]]) expect(refusedRange(address!), address).toBe(range);
    expect(refusedRange("127.0.0.5", parseAllowList(["127.0.0.0/8"]))).toBeNull();
    expect(refusedRange("127.0.0.5", parseAllowList(["127.0.0.1"]))).toBe("loopback");
    expect(() => parseAllowList(["localhost"])).toThrow(/"localhost" is not an IP address or range/);
  });
});
