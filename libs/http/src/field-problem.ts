/** One field of a request and what is wrong with it, as `details` of a 400 lists them. */
export interface FieldProblem {
  readonly field: string;
  readonly problems: string[];
}
