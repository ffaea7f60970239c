import { describe, expect, it } from "vitest";
import { Cooldown } from "../../commands/cooldown.js";

describe("Cooldown", () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it("allows `limit` questions in a window, then says how long to wait, telling the user once per window", () => {
    const c = clock();
    const cd = new Cooldown({ limit: 3, windowMs: 10_000, now: c.now });
    for (let i = 0; i < 3; i++) {
      expect(cd.take("u").ok).toBe(true);
      c.advance(1000);
    }
    expect(cd.take("u")).toEqual({ ok: false, retryAfterMs: 7000, notify: true });
    expect(cd.take("u")).toMatchObject({ ok: false, notify: false });
    expect(cd.take("someone else").ok).toBe(true);
    c.advance(7000);
    expect(cd.take("u").ok).toBe(true);
  });

  it("slides: a question leaves the window ten seconds after it was asked", () => {
    const c = clock();
    const cd = new Cooldown({ limit: 2, windowMs: 10_000, now: c.now });
    cd.take("u");
    c.advance(9000);
    cd.take("u");
    expect(cd.take("u").ok).toBe(false);
    c.advance(1001);
    expect(cd.take("u").ok).toBe(true);
    expect(cd.take("u").ok).toBe(false);
  });
});
