import { timingSafeEqual } from 'node:crypto';

/** Whether an `Authorization` header value carries the metrics token (constant-time compare). */
export function metricsAuthorized(token: string | null, authorization: string | undefined): boolean {
  if (token === null) return true;
  const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const METRICS_UNAUTHORIZED = {
  error: 'unauthorized',
  message: 'metrics need Authorization: Bearer <METRICS_TOKEN>',
  details: null,
};
