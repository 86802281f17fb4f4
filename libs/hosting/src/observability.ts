import type { ObservabilityOptions } from '@cogov/observability';
import type { PlatformConfig } from './config';

/**
 * The observability module's options for a host: probes and metrics from the configuration, the
 * Kafka broker probed where the host's bus is Kafka, and JSON logs at `LOG_LEVEL` unless the
 * host leaves logging to someone else (`logs: false`).
 */
export function observabilityOptions(
  config: Pick<PlatformConfig, 'observability' | 'kafkaBrokers'>,
  host: {
    readonly kafka: boolean;
    readonly projectionsRunHere?: boolean;
    readonly busRunsHere?: boolean;
    readonly logs?: ObservabilityOptions['logs'];
  },
): ObservabilityOptions {
  return {
    readyMaxProjectionLag: config.observability.readyMaxProjectionLag,
    metricsToken: config.observability.metricsToken,
    kafkaBrokers: host.kafka ? config.kafkaBrokers : [],
    projectionsRunHere: host.projectionsRunHere ?? true,
    busRunsHere: host.busRunsHere ?? true,
    logs: host.logs ?? { level: config.observability.logLevel },
  };
}
