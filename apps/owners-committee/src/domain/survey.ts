import { type Decider, DomainError, InvalidInput, NotFound, assertNever } from '@cogov/decider';
import { type DirectoryLookup, expectKind, expectWithin } from './directory';

/**
 * A survey of the compound's owners by their committee: questions answered by a choice or in
 * free text, open until it closes, one response per resident of the compound. Its results are
 * shown once it has closed, so that early counts do not sway those still to answer.
 */
export interface Question {
  readonly text: string;
  /** The choices offered; empty for a question answered in free text. */
  readonly choices: readonly string[];
}

export type CreateSurvey = {
  type: 'CreateSurvey';
  data: {
    surveyId: string;
    committee: { committeeId: string; compoundId: string; communityId: string };
    title: string;
    questions: readonly Question[];
    closesAt: string;
    now: string;
  };
};
export type RespondToSurvey = {
  type: 'RespondToSurvey';
  data: {
    surveyId: string;
    resident: DirectoryLookup;
    /** One per question, in order: the choice taken, or the free text. */
    answers: readonly string[];
    now: string;
  };
};
export type SurveyCommand = CreateSurvey | RespondToSurvey;

export type SurveyCreated = {
  type: 'SurveyCreated';
  data: {
    surveyId: string;
    committeeId: string;
    compoundId: string;
    communityId: string;
    title: string;
    questions: Question[];
    closesAt: string;
    createdAt: string;
  };
};
export type SurveyAnswered = {
  type: 'SurveyAnswered';
  data: { surveyId: string; residentId: string; answers: string[]; answeredAt: string };
};
export type SurveyEvent = SurveyCreated | SurveyAnswered;

export type Survey =
  | { status: 'absent' }
  | (Omit<SurveyCreated['data'], 'createdAt'> & {
      status: 'created';
      createdAt: string;
      responses: ReadonlyArray<{ residentId: string; answers: readonly string[] }>;
    });

/** The survey closed: it takes no more responses. */
export class SurveyClosed extends DomainError {
  readonly code = 'survey-closed';
  constructor(surveyId: string, closesAt: string) {
    super(`survey ${surveyId} closed at ${closesAt}`, { surveyId, closesAt });
  }
}

/** One response per resident. */
export class AlreadyResponded extends DomainError {
  readonly code = 'already-responded';
  constructor(surveyId: string, residentId: string) {
    super(`resident ${residentId} already responded to survey ${surveyId}`, { surveyId, residentId });
  }
}

export const MAX_QUESTIONS = 50;
export const MAX_CHOICES = 20;

export const initialState = (): Survey => ({ status: 'absent' });

export function decide(command: SurveyCommand, state: Survey): SurveyEvent[] {
  switch (command.type) {
    case 'CreateSurvey': {
      const d = command.data;
      // A retry of the same creation (its id derived from the request's key).
      if (state.status === 'created') return [];
      if (d.title.trim() === '') throw new InvalidInput('a survey needs a title');
      checkQuestions(d.questions);
      if (Number.isNaN(Date.parse(d.closesAt)) || Date.parse(d.closesAt) <= Date.parse(d.now)) {
        throw new InvalidInput(`closesAt (${d.closesAt}) must be a time after now (${d.now})`, {
          closesAt: d.closesAt,
        });
      }
      return [
        {
          type: 'SurveyCreated',
          data: {
            surveyId: d.surveyId,
            committeeId: d.committee.committeeId,
            compoundId: d.committee.compoundId,
            communityId: d.committee.communityId,
            title: d.title,
            questions: d.questions.map((q) => ({ text: q.text, choices: [...q.choices] })),
            closesAt: new Date(d.closesAt).toISOString(),
            createdAt: d.now,
          },
        },
      ];
    }
    case 'RespondToSurvey': {
      const d = command.data;
      if (state.status === 'absent') throw new NotFound('survey', d.surveyId);
      if (isClosed(state, d.now)) throw new SurveyClosed(state.surveyId, state.closesAt);
      const resident = expectKind(d.resident, 'resident', 'resident');
      expectWithin(resident, 'resident', { communityId: state.communityId, compoundId: state.compoundId });
      if (state.responses.some((r) => r.residentId === resident.id)) {
        throw new AlreadyResponded(state.surveyId, resident.id);
      }
      checkAnswers(state.questions, d.answers);
      return [
        {
          type: 'SurveyAnswered',
          data: {
            surveyId: state.surveyId,
            residentId: resident.id,
            answers: [...d.answers],
            answeredAt: d.now,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: Survey, event: SurveyEvent): Survey {
  switch (event.type) {
    case 'SurveyCreated':
      return { status: 'created', ...event.data, responses: [] };
    case 'SurveyAnswered':
      if (state.status !== 'created') return state;
      return {
        ...state,
        responses: [...state.responses, { residentId: event.data.residentId, answers: event.data.answers }],
      };
    default:
      return assertNever(event);
  }
}

export const surveyDecider: Decider<SurveyCommand, Survey, SurveyEvent> = { initialState, decide, evolve };

export function isClosed(survey: { closesAt: string }, now: string): boolean {
  return Date.parse(now) >= Date.parse(survey.closesAt);
}

export type QuestionResult =
  | { text: string; kind: 'choice'; counts: Array<{ choice: string; count: number }> }
  | { text: string; kind: 'free-text'; answers: string[] };

/** Counts per choice, and the free-text answers without who gave them. */
export function resultsOf(survey: Extract<Survey, { status: 'created' }>): QuestionResult[] {
  return survey.questions.map((q, i) =>
    q.choices.length > 0
      ? {
          text: q.text,
          kind: 'choice' as const,
          counts: q.choices.map((choice) => ({
            choice,
            count: survey.responses.filter((r) => r.answers[i] === choice).length,
          })),
        }
      : { text: q.text, kind: 'free-text' as const, answers: survey.responses.map((r) => r.answers[i]!) },
  );
}

function checkQuestions(questions: readonly Question[]): void {
  if (questions.length === 0 || questions.length > MAX_QUESTIONS) {
    throw new InvalidInput(`a survey has 1 to ${MAX_QUESTIONS} questions`);
  }
  questions.forEach((q, i) => {
    if (q.text.trim() === '') throw new InvalidInput(`question ${i + 1} needs a text`);
    if (q.choices.length === 1 || q.choices.length > MAX_CHOICES) {
      throw new InvalidInput(
        `question ${i + 1} offers 2 to ${MAX_CHOICES} choices, or none to be answered in free text`,
      );
    }
    if (new Set(q.choices).size !== q.choices.length || q.choices.some((c) => c.trim() === '')) {
      throw new InvalidInput(`question ${i + 1} offers each choice once, none empty`);
    }
  });
}

function checkAnswers(questions: readonly Question[], answers: readonly string[]): void {
  if (answers.length !== questions.length) {
    throw new InvalidInput(`a response answers each of the ${questions.length} questions, in order`, {
      questions: questions.length,
      answers: answers.length,
    });
  }
  questions.forEach((q, i) => {
    const answer = answers[i]!;
    if (q.choices.length > 0 && !q.choices.includes(answer)) {
      throw new InvalidInput(`question ${i + 1} is answered by one of its choices: ${q.choices.join(', ')}`);
    }
    if (q.choices.length === 0 && answer.trim() === '') {
      throw new InvalidInput(`question ${i + 1} needs an answer`);
    }
  });
}
