import type { Provider } from '@nestjs/common';
import { DEFAULT_MINIMUM_PARTY_SHARE_PERCENT } from '../domain/committee';

/** The configured minimum share of Party members on an owners' committee, in percent. */
export const MINIMUM_PARTY_SHARE = 'owners-committee:minimum-party-share-percent';

/** `OWNERS_COMMITTEE_MIN_PARTY_SHARE_PERCENT`, 0–100; the seeds leave it open, 50 by default. */
export function minimumPartyShareFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.OWNERS_COMMITTEE_MIN_PARTY_SHARE_PERCENT;
  if (raw === undefined || raw.trim() === '') return DEFAULT_MINIMUM_PARTY_SHARE_PERCENT;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 100) {
    throw new Error(`OWNERS_COMMITTEE_MIN_PARTY_SHARE_PERCENT must be a number from 0 to 100, not ${raw}`);
  }
  return value;
}

export const minimumPartyShareProvider: Provider = {
  provide: MINIMUM_PARTY_SHARE,
  useFactory: () => minimumPartyShareFrom(process.env),
};
