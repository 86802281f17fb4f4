import { ApiProperty } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { FreeText } from '@cogov/http';
import { MAX_CHOICES, MAX_QUESTIONS } from '../domain/survey';

const ITEM = { minimum: 0, maximum: 100 } as const;

export class RecordPropertyEvaluationDto {
  @JSONSchema({ description: 'The property company serving the compound in the period' })
  @IsUUID()
  companyId!: string;

  @JSONSchema({
    description:
      'The evaluation period, of the configured kind: `2026-Q4` (quarter, the default), `2026-11`, `2026`',
    example: '2026-Q4',
  })
  @Matches(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, { message: 'period must be like 2026-Q4' })
  period!: string;

  @JSONSchema({ description: '保洁 cleaning, 0–100', ...ITEM, example: 85 })
  @IsInt()
  @Min(0)
  @Max(100)
  cleaning!: number;

  @JSONSchema({ description: '秩序维护 security, 0–100', ...ITEM, example: 90 })
  @IsInt()
  @Min(0)
  @Max(100)
  security!: number;

  @JSONSchema({ description: '绿化 greenery, 0–100', ...ITEM, example: 80 })
  @IsInt()
  @Min(0)
  @Max(100)
  greenery!: number;

  @JSONSchema({ description: '维修 repairs, 0–100', ...ITEM, example: 75 })
  @IsInt()
  @Min(0)
  @Max(100)
  repairs!: number;

  @JSONSchema({ description: '收费公开 fees transparency, 0–100', ...ITEM, example: 95 })
  @IsInt()
  @Min(0)
  @Max(100)
  feesTransparency!: number;

  @JSONSchema({ example: 'Repairs are slow in winter' })
  @IsOptional()
  @FreeText()
  @Length(1, 4000)
  comment?: string;
}

export class SurveyQuestionDto {
  @ApiProperty({ example: 'Should the compound add electric bike chargers?' }) text!: string;
  @ApiProperty({
    type: [String],
    required: false,
    description: 'The choices offered; omit (or leave empty) for a free-text answer',
    example: ['Yes', 'No'],
  })
  choices?: string[];
}

export class CreateSurveyDto {
  @JSONSchema({ example: 'Charging points' }) @IsString() @Length(1, 200) title!: string;

  @JSONSchema({
    description: 'Each with a text and choices, or no choices for a free-text answer',
    items: {
      type: 'object',
      required: ['text'],
      properties: {
        text: { type: 'string', minLength: 1, maxLength: 500 },
        choices: {
          type: 'array',
          maxItems: MAX_CHOICES,
          items: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
    },
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @IsObject({ each: true })
  questions!: SurveyQuestionDto[];

  @JSONSchema({ format: 'date-time', example: '2026-12-31T12:00:00.000Z' })
  @IsDateString({ strict: true })
  closesAt!: string;
}

export class RespondToSurveyDto {
  @JSONSchema({ description: 'The resident responding: a resident of the compound' })
  @IsUUID()
  residentId!: string;

  @JSONSchema({
    description: 'One per question, in order: the choice taken, or the free-text answer',
    example: ['Yes', 'Near building 3'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_QUESTIONS)
  @IsString({ each: true })
  @Length(1, 2000, { each: true })
  answers!: string[];
}
