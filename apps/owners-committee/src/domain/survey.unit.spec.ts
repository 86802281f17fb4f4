import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { InvalidInput, NotFound, NotYetKnown, OutOfScope, WrongKind } from '@cogov/decider';
import type { DirectoryLookup } from './directory';
import {
  AlreadyResponded,
  type CreateSurvey,
  type RespondToSurvey,
  SurveyClosed,
  type SurveyEvent,
  resultsOf,
  surveyDecider,
} from './survey';

const given = deciderSpecification(surveyDecider);
const NOW = '2026-12-01T08:00:00.000Z';
const CLOSES = '2026-12-10T08:00:00.000Z';
const questions = [
  { text: 'Chargers?', choices: ['Yes', 'No'] },
  { text: 'Where?', choices: [] },
];
const committee = { committeeId: 'c1', compoundId: 'k1', communityId: 'm1' };
const resident = (id = 'r1', compoundId = 'k1'): DirectoryLookup => ({
  id,
  kind: 'resident',
  communityId: 'm1',
  compoundId,
  // A survey asks everyone living in the compound, owners and tenants alike.
  tenure: 'tenant',
});

const create = (data: Partial<CreateSurvey['data']> = {}): CreateSurvey => ({
  type: 'CreateSurvey',
  data: { surveyId: 's1', committee, title: 'Chargers', questions, closesAt: CLOSES, now: NOW, ...data },
});
const respond = (data: Partial<RespondToSurvey['data']> = {}): RespondToSurvey => ({
  type: 'RespondToSurvey',
  data: { surveyId: 's1', resident: resident(), answers: ['Yes', 'Building 3'], now: NOW, ...data },
});
const created: SurveyEvent = {
  type: 'SurveyCreated',
  data: {
    surveyId: 's1',
    ...committee,
    title: 'Chargers',
    questions,
    closesAt: CLOSES,
    createdAt: NOW,
  },
};
const answered = (residentId: string, answers: string[]): SurveyEvent => ({
  type: 'SurveyAnswered',
  data: { surveyId: 's1', residentId, answers, answeredAt: NOW },
});

describe('a survey of the owners', () => {
  it('is created with its questions, open until it closes', () => given([]).when(create()).then([created]));

  it('a survey closing now or earlier is refused', () =>
    given([])
      .when(create({ closesAt: NOW }))
      .thenThrows(InvalidInput, /after now/));

  it('a question with one choice, or a choice twice, is refused', () => {
    given([])
      .when(create({ questions: [{ text: 'Q', choices: ['Only'] }] }))
      .thenThrows(InvalidInput, /2 to/);
    given([])
      .when(create({ questions: [{ text: 'Q', choices: ['A', 'A'] }] }))
      .thenThrows(InvalidInput, /once/);
  });

  it('a resident of the compound responds', () =>
    given([created])
      .when(respond())
      .then([answered('r1', ['Yes', 'Building 3'])]));

  it('a second response by the same resident is refused', () =>
    given([created, answered('r1', ['No', 'x'])])
      .when(respond())
      .thenThrows(AlreadyResponded));

  it('a response at or after closing is refused', () =>
    given([created])
      .when(respond({ now: CLOSES }))
      .thenThrows(SurveyClosed));

  it('a resident of another compound, or one not heard of, or not a resident, is refused', () => {
    given([created])
      .when(respond({ resident: resident('r2', 'k2') }))
      .thenThrows(OutOfScope);
    given([created])
      .when(respond({ resident: { id: 'r3', kind: 'absent' } }))
      .thenThrows(NotYetKnown);
    given([created])
      .when(
        respond({
          resident: { id: 'r4', kind: 'party-member', communityId: 'm1', compoundId: null, tenure: null },
        }),
      )
      .thenThrows(WrongKind);
  });

  it('answers must match the questions: one each, a choice among those offered', () => {
    given([created])
      .when(respond({ answers: ['Yes'] }))
      .thenThrows(InvalidInput, /each of the 2/);
    given([created])
      .when(respond({ answers: ['Maybe', 'x'] }))
      .thenThrows(InvalidInput, /one of its choices/);
  });

  it('a response to a survey that does not exist is not found', () =>
    given([]).when(respond()).thenThrows(NotFound));

  it('results count each choice and list free-text answers without who gave them', () => {
    const state = [created, answered('r1', ['Yes', 'Gate']), answered('r2', ['Yes', 'B3'])].reduce(
      surveyDecider.evolve,
      surveyDecider.initialState(),
    );
    if (state.status !== 'created') throw new Error('not created');
    expect(resultsOf(state)).toEqual([
      {
        text: 'Chargers?',
        kind: 'choice',
        counts: [
          { choice: 'Yes', count: 2 },
          { choice: 'No', count: 0 },
        ],
      },
      { text: 'Where?', kind: 'free-text', answers: ['Gate', 'B3'] },
    ]);
  });
});
