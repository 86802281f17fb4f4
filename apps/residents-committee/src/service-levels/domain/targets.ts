import { InvalidInput } from '@cogov/decider';
import type { ServiceLevelStage, StageTargets } from './service-level';

/** 1分钟受理、1小时到场、1天内办结. */
export const THREE_ONES: StageTargets = { accept: 60_000, 'on-site': 3_600_000, complete: 86_400_000 };

/** A department called in by a whistle reports in within 30 minutes, is on site in 2 hours, done in 3 days. */
export const DEPARTMENT_DEFAULTS: StageTargets = {
  accept: 1_800_000,
  'on-site': 7_200_000,
  complete: 259_200_000,
};

/**
 * Overrides by `category` or `category/priority` (the more specific wins, stage by stage), over
 * the "three ones". The priority is known once the branch has reviewed: until then, `normal`.
 * For departments (`DEPARTMENT_SERVICE_LEVEL_TARGETS`) the keys are the whistle's level
 * (`street`, `district`), the department's kind (`water`, `police` …) and `kind/level`.
 */
export type TargetOverrides = Readonly<Record<string, Partial<StageTargets>>>;

export function targetsFor(overrides: TargetOverrides, category: string, priority = 'normal'): StageTargets {
  return { ...THREE_ONES, ...overrides[category], ...overrides[`${category}/${priority}`] };
}

/** A department's deadlines: the defaults, then its level's, its kind's, and its kind at that level's. */
export function departmentTargetsFor(overrides: TargetOverrides, kind: string, level: string): StageTargets {
  return {
    ...DEPARTMENT_DEFAULTS,
    ...overrides[level],
    ...overrides[kind],
    ...overrides[`${kind}/${level}`],
  };
}

const STAGE_KEYS: readonly ServiceLevelStage[] = ['accept', 'on-site', 'complete'];

/**
 * Reads the overrides of a setting (JSON: `SERVICE_LEVEL_TARGETS`, `DEPARTMENT_SERVICE_LEVEL_TARGETS`);
 * a wrong one stops the start, naming the setting.
 */
export function parseTargetOverrides(
  json: string | undefined,
  setting = 'SERVICE_LEVEL_TARGETS',
): TargetOverrides {
  if (json === undefined || json.trim() === '') return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidInput(`${setting} must be an object of stage targets by key`);
  }
  const result: Record<string, Partial<StageTargets>> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null)
      throw new InvalidInput(`${setting}.${key} must be an object`);
    const targets: Partial<StageTargets> = {};
    for (const [stage, ms] of Object.entries(value as Record<string, unknown>)) {
      if (!STAGE_KEYS.includes(stage as ServiceLevelStage) || typeof ms !== 'number' || !(ms > 0)) {
        throw new InvalidInput(`${setting}.${key}.${stage} must be a stage with a positive number of ms`);
      }
      targets[stage as ServiceLevelStage] = ms;
    }
    result[key] = targets;
  }
  return result;
}
