import { InjectRepository } from '@cogov/context-kit';
import { Inject } from '@nestjs/common';
import {
  Command,
  CommandHandler,
  type ICommandHandler,
  Query,
  QueryHandler,
  type IQueryHandler,
} from '@nestjs/cqrs';
import { CLOCK, type Clock, NotFound } from '@cogov/decider';
import { type CommandContext, newId } from '@cogov/event-sourcing';
import { type Question, type QuestionResult, isClosed, resultsOf, surveyDecider } from '../domain/survey';
import {
  committeeAggregate,
  type CommitteeRepository,
  surveyAggregate,
  type SurveyRepository,
} from '../infrastructure/aggregates';
import { Directory } from './directory';

export class CreateSurveyCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { committeeId: string; title: string; questions: Question[]; closesAt: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CreateSurveyCommand)
export class CreateSurveyHandler implements ICommandHandler<CreateSurveyCommand> {
  constructor(
    @InjectRepository(committeeAggregate) private readonly committees: CommitteeRepository,
    @InjectRepository(surveyAggregate) private readonly surveys: SurveyRepository,
  ) {}

  async execute({ input, context }: CreateSurveyCommand) {
    const surveyId = newId(context, 'owners-survey');
    const { state: committee } = await this.committees.load(input.committeeId);
    if (committee.status !== 'formed') throw new NotFound('owners committee', input.committeeId);
    await this.surveys.handle(
      surveyId,
      (state) =>
        surveyDecider.decide(
          {
            type: 'CreateSurvey',
            data: {
              surveyId,
              committee: {
                committeeId: committee.committeeId,
                compoundId: committee.compoundId,
                communityId: committee.communityId,
              },
              title: input.title,
              questions: input.questions,
              closesAt: input.closesAt,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: surveyId };
  }
}

export class RespondToSurveyCommand extends Command<{ id: string }> {
  constructor(
    readonly input: { surveyId: string; residentId: string; answers: string[] },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RespondToSurveyCommand)
export class RespondToSurveyHandler implements ICommandHandler<RespondToSurveyCommand> {
  constructor(
    @InjectRepository(surveyAggregate) private readonly surveys: SurveyRepository,
    private readonly directory: Directory,
  ) {}

  async execute({ input, context }: RespondToSurveyCommand) {
    const resident = await this.directory.lookUp(input.residentId);
    await this.surveys.handle(
      input.surveyId,
      (state) =>
        surveyDecider.decide(
          {
            type: 'RespondToSurvey',
            data: {
              surveyId: input.surveyId,
              resident,
              answers: input.answers,
              now: context.now.toISOString(),
            },
          },
          state,
        ),
      context,
    );
    return { id: input.surveyId };
  }
}

export interface SurveyView {
  readonly surveyId: string;
  readonly committeeId: string;
  readonly compoundId: string;
  readonly title: string;
  readonly questions: Question[];
  readonly closesAt: string;
  readonly status: 'open' | 'closed';
  readonly responseCount: number;
  /** Null while the survey is open. */
  readonly results: QuestionResult[] | null;
  readonly createdAt: string;
}

export class GetSurveyQuery extends Query<SurveyView> {
  constructor(readonly surveyId: string) {
    super();
  }
}

/** A survey; its results once it has closed, by the injected clock. */
@QueryHandler(GetSurveyQuery)
export class GetSurveyHandler implements IQueryHandler<GetSurveyQuery> {
  constructor(
    @InjectRepository(surveyAggregate) private readonly surveys: SurveyRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ surveyId }: GetSurveyQuery): Promise<SurveyView> {
    const { state } = await this.surveys.load(surveyId);
    if (state.status === 'absent') throw new NotFound('survey', surveyId);
    const closed = isClosed(state, this.clock.now().toISOString());
    return {
      surveyId: state.surveyId,
      committeeId: state.committeeId,
      compoundId: state.compoundId,
      title: state.title,
      questions: state.questions,
      closesAt: state.closesAt,
      status: closed ? 'closed' : 'open',
      responseCount: state.responses.length,
      results: closed ? resultsOf(state) : null,
      createdAt: state.createdAt,
    };
  }
}
