import { directoryOf } from '@cogov/context-kit';
import { EvaluationDirectoryEntry } from '../infrastructure/directory/evaluation-directory.entity';
import { OpinionDirectoryEntry } from '../infrastructure/directory/opinion-directory.entity';

/** Keeps an opinion a building leader reported (ids and topic), for joint meetings' agendas. */
export const { Record: RecordOpinionCommand, Handler: RecordOpinionHandler } = directoryOf(
  OpinionDirectoryEntry,
  'opinionId',
);

/** Keeps an owners' committee's evaluation (ids, company, period), for joint meetings' agendas. */
export const { Record: RecordEvaluationCommand, Handler: RecordEvaluationHandler } = directoryOf(
  EvaluationDirectoryEntry,
  'evaluationId',
);
