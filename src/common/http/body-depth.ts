import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors/app-error';
import { sendProblem } from '../errors/send-problem';

/** Deeper than any body of the API, far shallower than what overflows class-transformer's stack. */
export const MAX_BODY_DEPTH = 32;

/** True when arrays or objects nest deeper than `limit` (walked without recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses a parsed body nested deeper than MAX_BODY_DEPTH with a 400 problem, before guards,
 * pipes and class-transformer see it (3 KB of `[[[…]]]` would otherwise overflow the stack).
 */
export const refuseDeepBodies: RequestHandler = (req, res, next) => {
  if (!nestedDeeperThan(req.body, MAX_BODY_DEPTH)) return next();
  sendProblem(
    res,
    400,
    ErrorCode.Validation,
    `The request body is nested deeper than ${MAX_BODY_DEPTH} levels.`,
  );
};
