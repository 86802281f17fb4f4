import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, IsUUID, Length } from 'class-validator';
import { NotFound } from '@cogov/decider';
import { sameIdAnyCase } from '@cogov/http';
import { Access } from './access-rule';
import { API_KEYS, type ApiKeyService } from './api-keys';
import { PartnerCompanies } from './partner-companies';

export class CreatePartnerKeyDto {
  @JSONSchema({ description: 'The property company the key belongs to' }) @IsUUID() companyId!: string;
  @JSONSchema({ example: 'Evergreen Property — ticket system' }) @IsString() @Length(1, 100) name!: string;
  @JSONSchema({ description: 'Compounds the company serves: the key’s scope' })
  @IsArray()
  @ArrayUnique(sameIdAnyCase)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  compoundIds!: string[];
}

export class PartnerKeyCreatedResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The key itself, shown this once', example: 'cgk_…' }) key!: string;
}

export class PartnerKeyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) compoundIds!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

/** Platform admins issue and revoke partner systems' API keys. */
@ApiTags('security')
@Controller('partner-keys')
export class PartnerKeysController {
  constructor(
    @Inject(API_KEYS) private readonly keys: ApiKeyService,
    private readonly companies: PartnerCompanies,
  ) {}

  /** The key is in this response only; it is stored as a hash. */
  @Post()
  @Access({ roles: ['platform-admin'] })
  @ApiOperation({ operationId: 'createPartnerKey', summary: 'Issue an API key to a partner system' })
  @ApiCreatedResponse({ type: PartnerKeyCreatedResponse })
  async create(@Body() body: CreatePartnerKeyDto) {
    // A key for a company that does not exist would let its holder act for nobody in particular.
    if ((await this.companies.exists(body.companyId)) === false)
      throw new NotFound('property company', body.companyId);
    return this.keys.create(body);
  }

  @Get()
  @Access({ roles: ['platform-admin'] })
  @ApiOperation({ operationId: 'listPartnerKeys', summary: 'Every partner key, revoked ones included' })
  @ApiOkResponse({ type: [PartnerKeyResponse] })
  list() {
    return this.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @Access({ roles: ['platform-admin'] })
  @ApiOperation({ operationId: 'revokePartnerKey', summary: 'Revoke a partner key' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    // What the key set up goes first: should the revocation then fail, it can be asked again,
    // while a key revoked first would leave its webhooks sending with nothing left to retry.
    await this.companies.keyRevoked(id);
    if (!(await this.keys.revoke(id))) throw new NotFound('active partner key', id);
  }
}
