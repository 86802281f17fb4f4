/** China's calendar (Asia/Shanghai, UTC+8 all year, no daylight saving): what day an instant is. */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The day (`YYYY-MM-DD`) an ISO instant falls on in China. */
export function dayInChina(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether `day` is a real calendar day written `YYYY-MM-DD`. */
export function isDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

/** The year (China's calendar) of a day `YYYY-MM-DD`. */
export const yearOf = (day: string): number => Number(day.slice(0, 4));
