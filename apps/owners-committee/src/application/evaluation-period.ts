import type { Provider } from '@nestjs/common';
import { periodKindFrom } from '@cogov/contracts';

/** The kind of evaluation period in use, as every context reads it (`EVALUATION_PERIOD`, quarter by default). */
export const EVALUATION_PERIOD_KIND = 'owners-committee:evaluation-period-kind';

export const evaluationPeriodKindProvider: Provider = {
  provide: EVALUATION_PERIOD_KIND,
  useFactory: () => periodKindFrom(process.env.EVALUATION_PERIOD),
};
