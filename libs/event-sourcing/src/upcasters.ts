import type { UpcasterSteps } from '@cogov/decider';
import type { RecordedEvent } from '@cogov/event-store';

/**
 * One context's schema versions: what version a new event is written with, and how an older
 * stored one is brought up to it. The repository (loading aggregates), every projection and the
 * outbound mappers read stored events through the same registry, so none of them ever sees an
 * old shape and none of them carries its own copy of the conversion.
 */
export class UpcasterRegistry {
  private readonly current = new Map<string, number>();

  constructor(private readonly steps: UpcasterSteps = {}) {
    for (const [type, byVersion] of Object.entries(steps)) {
      const versions = Object.keys(byVersion)
        .map(Number)
        .sort((a, b) => a - b);
      versions.forEach((version, i) => {
        if (version !== i + 1) {
          throw new Error(
            `${type}: upcasters must start at version 1 with no gaps (got ${versions.join(', ')})`,
          );
        }
      });
      this.current.set(type, versions.length + 1);
    }
  }

  static readonly none = new UpcasterRegistry();

  /** The version new events of `type` are written with. */
  currentVersion(type: string): number {
    return this.current.get(type) ?? 1;
  }

  /** The stored event at the current version of its type; the same object when already current. */
  upcast(stored: RecordedEvent): RecordedEvent {
    const target = this.currentVersion(stored.type);
    if (stored.schemaVersion === target) return stored;
    if (stored.schemaVersion > target || stored.schemaVersion < 1) {
      throw new Error(
        `${stored.streamId}@${stored.streamRevision}: ${stored.type} v${stored.schemaVersion} is not a version this code knows (current: v${target})`,
      );
    }
    let data: Record<string, unknown> = stored.data;
    for (let version = stored.schemaVersion; version < target; version++) {
      data = this.steps[stored.type]![version]!(data);
    }
    return { ...stored, schemaVersion: target, data };
  }
}
