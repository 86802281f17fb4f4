const UUID_SUFFIX = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `residents-committee.order-<uuid>` → `residents-committee.order`. Aggregate ids are UUIDs; for
 * any other id the last `-` part is taken as the id, so a label never carries an id of the usual
 * kind and the label set stays as small as the set of aggregate types.
 */
export function streamCategory(streamId: string): string {
  if (UUID_SUFFIX.test(streamId)) return streamId.replace(UUID_SUFFIX, '');
  const dash = streamId.lastIndexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}
