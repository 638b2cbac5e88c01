import { setTodayProvider } from '@zhaoshang/shared/domain';
import type { FastifyInstance } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEADER = 'x-test-today';

/** The "today" a request asked for with X-Test-Today, for the code that request runs. */
const requestToday = new AsyncLocalStorage<string>();

function validDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * The test clock (issue 14, acceptance: "the problem passes its due date — move the clock in the
 * test, not the machine"): with ZS_TEST_CLOCK=1 a request may carry `X-Test-Today: YYYY-MM-DD` and
 * everything it does that asks shanghaiToday() sees that day. Without the flag this is not
 * installed and the header means nothing, so a production server can never be told what day it is.
 *
 * The day is entered in preValidation, after the body is parsed: the body's stream events run
 * outside an async context entered earlier (as @fastify/request-context documents).
 */
export function installTestClock(fastify: FastifyInstance): void {
  setTodayProvider(() => requestToday.getStore() ?? null);
  fastify.addHook('preValidation', (request, _reply, done) => {
    const given = request.headers[HEADER];
    if (validDay(given)) {
      // done() inside run(): the guards and the handler continue in this async context
      requestToday.run(given, done);
      return;
    }
    done();
  });
}
