import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createConcurrencyLimiter } from "../../worker/sheets/concurrency-limiter.ts";
import { createQuotaPacer } from "../../worker/sheets/quota-pacer.ts";
import type { Clock } from "../../worker/time/clock.ts";

/** Virtual time: sleeps resolve only when `run` advances the clock to them. */
function virtualClock() {
  let t = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const clock: Clock = {
    now: () => t,
    sleep: (ms) =>
      new Promise<void>((resolve) => timers.push({ at: t + Math.max(0, ms), resolve })),
  };
  /** Runs until `work` settles, jumping from timer to timer (bounded: a stuck run fails). */
  const run = async <T>(work: Promise<T>, maxSteps = 100_000): Promise<T> => {
    let settled = false;
    const result = work.finally(() => {
      settled = true;
    });
    for (let step = 0; step < maxSteps && !settled; step++) {
      // Let every ready continuation run before time moves on.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (settled || timers.length === 0) continue;
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift()!;
      t = Math.max(t, next.at);
      next.resolve();
    }
    if (!settled) throw new Error("virtual run did not finish");
    return result;
  };
  return { clock, run };
}

describe("quota pacer", () => {
  it("never lets more than `limit` requests reach the server in any window, whatever the latency", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.record({
            startAt: fc.integer({ min: 0, max: 4000 }),
            duration: fc.integer({ min: 0, max: 2500 }),
            arrivalFraction: fc.double({ min: 0, max: 1, noNaN: true }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (limit, windowMs, concurrency, requests) => {
          const { clock, run } = virtualClock();
          const pacer = createQuotaPacer({ limit, windowMs }, clock);
          const limiter = createConcurrencyLimiter(concurrency);
          const arrivals: number[] = [];
          let inFlight = 0;
          let maxInFlight = 0;
          const one = async (r: (typeof requests)[number]) => {
            await clock.sleep(r.startAt);
            const ticket = await pacer.acquire();
            await limiter.run(async () => {
              inFlight++;
              maxInFlight = Math.max(maxInFlight, inFlight);
              // The server sees the request somewhere between send and response.
              const toServer = Math.floor(r.duration * r.arrivalFraction);
              await clock.sleep(toServer);
              arrivals.push(clock.now());
              await clock.sleep(r.duration - toServer);
              inFlight--;
            });
            ticket.done();
          };
          await run(Promise.all(requests.map(one)));
          expect(arrivals).toHaveLength(requests.length);
          expect(maxInFlight).toBeLessThanOrEqual(concurrency);
          for (const a of arrivals) {
            const inWindow = arrivals.filter((b) => b > a - windowMs && b <= a).length;
            expect(inWindow).toBeLessThanOrEqual(limit);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("goes as fast as the quota allows: 3 windows for 3×limit instant requests", async () => {
    const { clock, run } = virtualClock();
    const pacer = createQuotaPacer({ limit: 20, windowMs: 1000 }, clock);
    const granted: number[] = [];
    await run(
      Promise.all(
        Array.from({ length: 60 }, async () => {
          const ticket = await pacer.acquire();
          granted.push(clock.now());
          ticket.done();
        }),
      ),
    );
    expect(granted.filter((t) => t === 0)).toHaveLength(20);
    expect(Math.max(...granted)).toBeLessThanOrEqual(2 * 1001);
  });

  it("frees a slot at once for a request that was never sent", async () => {
    const { clock, run } = virtualClock();
    const pacer = createQuotaPacer({ limit: 1, windowMs: 60_000 }, clock);
    const first = await run(pacer.acquire());
    first.cancel();
    await run(pacer.acquire());
    expect(clock.now()).toBe(0);
  });

  it("grants nothing during a hold (after a 429)", async () => {
    const { clock, run } = virtualClock();
    const pacer = createQuotaPacer({ limit: 10, windowMs: 1000 }, clock);
    pacer.holdUntil(5000);
    await run(pacer.acquire());
    expect(clock.now()).toBe(5000);
  });

  it("lets a caller give up without blocking the ones behind it", async () => {
    const { clock, run } = virtualClock();
    const pacer = createQuotaPacer({ limit: 1, windowMs: 1000 }, clock);
    const first = await run(pacer.acquire());
    first.done();
    const controller = new AbortController();
    const abandoned = pacer.acquire(controller.signal);
    const next = pacer.acquire();
    controller.abort(new Error("run cancelled"));
    await expect(abandoned).rejects.toThrow("run cancelled");
    await run(next);
    expect(clock.now()).toBe(1001);
  });
});

describe("concurrency limiter", () => {
  it("runs at most N at once and runs them all", async () => {
    const { clock, run } = virtualClock();
    const limiter = createConcurrencyLimiter(6);
    let active = 0;
    let peak = 0;
    const results = await run(
      Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          limiter.run(async () => {
            active++;
            peak = Math.max(peak, active);
            await clock.sleep(10 + (i % 7));
            active--;
            return i;
          }),
        ),
      ),
    );
    expect(results).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(peak).toBe(6);
  });
});
