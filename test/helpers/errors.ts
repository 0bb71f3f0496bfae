import { BriefError } from '../../src/errors.js';

/** The BriefError a call throws; fails the test when it throws nothing or something else. */
export function briefErrorOf(fn: () => unknown): BriefError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BriefError) return error;
    throw error;
  }
  throw new Error('expected a BriefError, but nothing was thrown');
}
