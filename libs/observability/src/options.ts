import type { DestinationStream } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface ObservabilityOptions {
  /** Events a followed projection may trail the store head by and still answer ready. */
  readonly readyMaxProjectionLag: number;
  /** When set, `/metrics` wants `Authorization: Bearer <token>`. */
  readonly metricsToken: string | null;
  /**
   * Whether this process follows the projections it registers. A context app started with
   * `RUN_PROJECTIONS=false` registers them but leaves them to the projections app; their
   * positions here are not theirs, so they are neither reported nor checked. Default true.
   */
  readonly projectionsRunHere?: boolean;
  /**
   * Whether this process runs its bus (relays and consumers). The projections app registers the
   * context's subscriptions but never starts them; their positions are not lags. Default true.
   */
  readonly busRunsHere?: boolean;
  /**
   * Kafka brokers to probe for readiness; set by hosts whose bus is Kafka. Empty or absent: no
   * broker check.
   */
  readonly kafkaBrokers?: readonly string[];
  /**
   * JSON logs through pino (the application logger and one access line per request), or false to
   * leave logging to the host (the tests build the platform with `logger: false`). `destination`
   * defaults to stdout; tests pass a stream to read the lines back.
   */
  readonly logs: false | { readonly level: LogLevel; readonly destination?: DestinationStream };
}

export const OBSERVABILITY_OPTIONS = Symbol('ObservabilityOptions');
