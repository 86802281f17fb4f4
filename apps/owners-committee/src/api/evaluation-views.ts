import { ApiProperty } from '@nestjs/swagger';

export class SurveyQuestionView {
  @ApiProperty() text!: string;
  @ApiProperty({ type: [String], description: 'Empty for a free-text question' }) choices!: string[];
}

export class ChoiceCountView {
  @ApiProperty() choice!: string;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class QuestionResultView {
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['choice', 'free-text'] }) kind!: string;
  @ApiProperty({ type: [ChoiceCountView], required: false, description: 'For a choice question' })
  counts?: ChoiceCountView[];
  @ApiProperty({ type: [String], required: false, description: 'For a free-text question, without who' })
  answers?: string[];
}

/** A survey of the compound's owners; its results once closed. */
export class SurveyResponse {
  @ApiProperty({ format: 'uuid' }) surveyId!: string;
  @ApiProperty({ format: 'uuid' }) committeeId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [SurveyQuestionView] }) questions!: SurveyQuestionView[];
  @ApiProperty({ format: 'date-time' }) closesAt!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: 'integer' }) responseCount!: number;
  @ApiProperty({ type: [QuestionResultView], nullable: true, description: 'Null while the survey is open' })
  results!: QuestionResultView[] | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
