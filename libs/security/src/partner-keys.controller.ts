import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, IsUUID, Length } from 'class-validator';
import { NotFound } from '@cogov/decider';
import { sameIdAnyCase } from '@cogov/http';
import { Access } from './access-rule';
import { API_KEYS, type ApiKeyService } from './api-keys';

export class CreatePartnerKeyDto {
  @ApiProperty({ description: 'The property company the key belongs to' }) @IsUUID() companyId!: string;
  @ApiProperty({ example: 'Evergreen Property — ticket system' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ type: [String], description: 'Compounds the company serves: the key’s scope' })
  @IsArray()
  @ArrayUnique(sameIdAnyCase)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  compoundIds!: string[];
}

/** Platform admins issue and revoke partner systems' API keys. */
@ApiTags('security')
@Controller('partner-keys')
export class PartnerKeysController {
  constructor(@Inject(API_KEYS) private readonly keys: ApiKeyService) {}

  /** The key is in this response only; it is stored as a hash. */
  @Post()
  @Access({ roles: ['platform-admin'] })
  create(@Body() body: CreatePartnerKeyDto) {
    return this.keys.create(body);
  }

  @Get()
  @Access({ roles: ['platform-admin'] })
  list() {
    return this.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ roles: ['platform-admin'] })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.keys.revoke(id))) throw new NotFound('active partner key', id);
  }
}
