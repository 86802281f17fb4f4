/** The one shape of every error the API returns. */
export interface ErrorBody {
  /** A stable, machine-readable code, e.g. `validation-failed`, `not-found`, `invalid-transition`. */
  readonly error: string;
  /** A sentence for a person. */
  readonly message: string;
  readonly details: unknown;
}
