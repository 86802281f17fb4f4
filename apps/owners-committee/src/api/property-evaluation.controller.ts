import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock, InvalidInput } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, type Role } from '@cogov/security';
import { RecordPropertyEvaluationCommand } from '../application/property-evaluations';
import { CreateSurveyCommand, GetSurveyQuery, RespondToSurveyCommand } from '../application/surveys';
import type { Question } from '../domain/survey';
import { IdDto } from './dto';
import { CreateSurveyDto, RecordPropertyEvaluationDto, RespondToSurveyDto } from './evaluation-dto';
import { SurveyResponse } from './evaluation-views';
import { CommitteeInPath } from './scopes';
import { SurveyInPath } from './survey-scopes';

/** The committee's own staff speak for it; the residents' committee helps run it. */
const COMMITTEE_VOICES: Role[] = ['platform-admin', 'owners-committee-staff'];
const SURVEY_READERS: Role[] = [...COMMITTEE_VOICES, 'residents-committee-staff', 'auditor'];

/** 监督物业服务: the owners' committee supervises the property service and surveys the owners. */
@ApiTags('owners-committee')
@Controller('owners-committees')
export class PropertyEvaluationController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/property-evaluations')
  @Access({ roles: COMMITTEE_VOICES, scope: CommitteeInPath })
  @ApiOperation({
    operationId: 'recordPropertyEvaluation',
    summary:
      '监督物业服务: the committee scores the company serving its compound for a period; one per company and period',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The evaluation’s id' })
  evaluate(
    @Param('id', ParseUUIDPipe) committeeId: string,
    @Body() body: RecordPropertyEvaluationDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordPropertyEvaluationCommand(
        {
          committeeId,
          companyId: body.companyId,
          period: body.period,
          scores: {
            cleaning: body.cleaning,
            security: body.security,
            greenery: body.greenery,
            repairs: body.repairs,
            feesTransparency: body.feesTransparency,
          },
          comment: body.comment ?? null,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/surveys')
  @Access({ roles: COMMITTEE_VOICES, scope: CommitteeInPath })
  @ApiOperation({
    operationId: 'createOwnersSurvey',
    summary: 'A survey of the compound’s owners: questions with choices or free text, open until it closes',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The survey’s id' })
  survey(
    @Param('id', ParseUUIDPipe) committeeId: string,
    @Body() body: CreateSurveyDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new CreateSurveyCommand(
        { committeeId, title: body.title, questions: questionsOf(body.questions), closesAt: body.closesAt },
        commandContext(meta, this.clock.now()),
      ),
    );
  }
}

@ApiTags('owners-committee')
@Controller('surveys')
export class SurveyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post(':id/responses')
  @Access({
    roles: ['resident', 'owners-committee-staff'],
    scope: SurveyInPath,
    // The committee's staff record a response given on paper or in person.
    actsAs: { field: 'residentId', onBehalfOf: ['owners-committee-staff'] },
  })
  @HttpCode(201)
  @ApiOperation({
    operationId: 'respondToSurvey',
    summary: 'A resident of the compound answers the survey; one response each, until it closes',
  })
  @ApiCreatedResponse({ type: IdDto, description: 'The survey’s id' })
  respond(
    @Param('id', ParseUUIDPipe) surveyId: string,
    @Body() body: RespondToSurveyDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RespondToSurveyCommand(
        { surveyId, residentId: body.residentId, answers: body.answers },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Get(':id')
  @Access({ roles: [...SURVEY_READERS, 'resident'], scope: SurveyInPath })
  @ApiOperation({ operationId: 'getSurvey', summary: 'A survey; its counts per choice once it has closed' })
  @ApiOkResponse({ type: SurveyResponse })
  one(@Param('id', ParseUUIDPipe) surveyId: string) {
    return this.queries.execute(new GetSurveyQuery(surveyId));
  }
}

/**
 * The questions as the domain reads them. Their shape is checked here because validation only
 * saw a list of objects: a text that is no string would otherwise reach the domain as garbage.
 */
function questionsOf(raw: ReadonlyArray<{ text?: unknown; choices?: unknown }>): Question[] {
  return raw.map((q, i) => {
    const choices = q.choices ?? [];
    const textOk = typeof q.text === 'string' && q.text.length >= 1 && q.text.length <= 500;
    const choicesOk =
      Array.isArray(choices) &&
      choices.every((c) => typeof c === 'string' && c.length >= 1 && c.length <= 200);
    if (!textOk || !choicesOk) {
      throw new InvalidInput(
        `questions[${i}] needs a text (1–500 characters) and, if any, choices of 1–200 characters`,
        { field: `questions.${i}` },
      );
    }
    return { text: q.text as string, choices: choices as string[] };
  });
}
