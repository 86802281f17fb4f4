import { InvalidInput } from '@cogov/decider';
import type { ServiceLevelStage, StageTargets } from './service-level';

/** 1分钟受理、1小时到场、1天内办结. */
export const THREE_ONES: StageTargets = { accept: 60_000, 'on-site': 3_600_000, complete: 86_400_000 };

/**
 * Overrides by `category` or `category/priority` (the more specific wins, stage by stage), over
 * the "three ones". The priority is known once the branch has reviewed: until then, `normal`.
 */
export type TargetOverrides = Readonly<Record<string, Partial<StageTargets>>>;

export function targetsFor(overrides: TargetOverrides, category: string, priority = 'normal'): StageTargets {
  return { ...THREE_ONES, ...overrides[category], ...overrides[`${category}/${priority}`] };
}

const STAGE_KEYS: readonly ServiceLevelStage[] = ['accept', 'on-site', 'complete'];

/** Reads the overrides of the `SERVICE_LEVEL_TARGETS` setting (JSON); a wrong one stops the start. */
export function parseTargetOverrides(json: string | undefined): TargetOverrides {
  if (json === undefined || json.trim() === '') return {};
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new InvalidInput('SERVICE_LEVEL_TARGETS must be an object of category or category/priority');
  }
  const result: Record<string, Partial<StageTargets>> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null)
      throw new InvalidInput(`SERVICE_LEVEL_TARGETS.${key} must be an object`);
    const targets: Partial<StageTargets> = {};
    for (const [stage, ms] of Object.entries(value as Record<string, unknown>)) {
      if (!STAGE_KEYS.includes(stage as ServiceLevelStage) || typeof ms !== 'number' || !(ms > 0)) {
        throw new InvalidInput(
          `SERVICE_LEVEL_TARGETS.${key}.${stage} must be a stage with a positive number of ms`,
        );
      }
      targets[stage as ServiceLevelStage] = ms;
    }
    result[key] = targets;
  }
  return result;
}
