import { ApiProperty } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import { FreeText } from '@cogov/http';
import {
  ArrayMaxSize,
  IsArray,
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** GB 32100-2015's alphabet; the check character is checked by the domain. */
const UNIFIED_CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class HeadcountDto {
  @JSONSchema({ example: 80 }) @IsInt() @Min(0) @Max(1_000_000) staffCount!: number;
  @JSONSchema({ description: '正式党员: full (not probationary) Party members on the staff', example: 3 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  fullPartyMemberCount!: number;
}

export class RegisterCompanyDto extends HeadcountDto {
  @JSONSchema({ example: 'Green Shade Property Services Co.' }) @IsString() @Length(1, 200) name!: string;

  @JSONSchema({
    description: '统一社会信用代码: 18 characters, the last a check character',
    example: '91350100M000100Y43',
  })
  @Matches(UNIFIED_CREDIT_CODE, {
    message: 'unifiedCreditCode must be 18 characters of 0-9 and A-Y without I, O, S, V, Z',
  })
  unifiedCreditCode!: string;
}

export class SignContractDto {
  @IsUUID() compoundId!: string;
  @JSONSchema({ format: 'date', example: '2025-01-01' })
  @Matches(ISO_DATE, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  startsOn!: string;
  @JSONSchema({ format: 'date', example: '2027-12-31', description: 'The last day served' })
  @Matches(ISO_DATE, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  @IsDateString({ strict: true })
  endsOn!: string;
}

export class IdDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class CompanyAcceptOrderDto {
  @JSONSchema({ example: 'We will come this afternoon' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class CompanyRecordArrivalDto {
  @JSONSchema({ example: 'On site; the pipe joint under the sink is leaking' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;
}

export class CompanyCompleteOrderDto {
  @JSONSchema({ example: 'Replaced the joint' }) @FreeText() @Length(1, 4000) resultNote!: string;

  @JSONSchema({ example: ['https://evidence.example/photo.jpg'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence!: string[];
}

export class CompanyHandBackOrderDto {
  @JSONSchema({ example: 'Needs the gas company' }) @FreeText() @Length(1, 1000) reason!: string;
}
