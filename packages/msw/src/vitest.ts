/**
 * `@graph-authz/msw/vitest`: importing it registers `expect(x).toBeGraphScenario(id, context?)`.
 * Errors are matched synchronously; a fetch `Response` must be awaited (its body is read).
 */
import type { ExplainContext, ScenarioId } from '@graph-authz/core';
import { expect } from 'vitest';
import { judge, matchRecovered } from './matchers.js';
import { recoverFetchResponse } from './received.js';

export { matchGraphScenario, type ScenarioMatch } from './matchers.js';

interface GraphScenarioMatchers<R> {
  /** The received error (any supported client's) or `Response` is that scenario of the core's catalog. */
  toBeGraphScenario: (id: ScenarioId, context?: ExplainContext) => R extends Response ? Promise<undefined> : undefined;
}

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any -- vitest's own declaration merges this way
  interface Matchers<T = any> extends GraphScenarioMatchers<T> {}
}

expect.extend({
  toBeGraphScenario(received: unknown, id: ScenarioId, context?: ExplainContext) {
    if (received instanceof Response) {
      return recoverFetchResponse(received).then((recovered) => {
        const match = judge(recovered, id, context, received);
        return { pass: match.pass, message: () => match.message };
      });
    }
    const match = matchRecovered(received, id, context);
    return { pass: match.pass, message: () => match.message };
  },
});
