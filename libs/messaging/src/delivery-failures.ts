/**
 * A delivery that no retry can mend: the payload fails its schema, its version is unknown, it is
 * not an integration event at all. The bus dead-letters it at once, with this reason, and moves on.
 */
export class PermanentDeliveryFailure extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'PermanentDeliveryFailure';
  }
}
