import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { CurrentActor, OwnAccount } from './auth.decorators';
import { CredentialsService } from './credentials.service';
import { CreateTokenDto } from './dto/create-token.dto';

/** Bearer tokens for API clients (`Authorization: Bearer pxn_…`). */
@ApiTags('auth')
@Controller('api/v1/auth/tokens')
@OwnAccount()
export class TokensController {
  constructor(private readonly credentials: CredentialsService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.credentials.listTokens(actor);
  }

  /** Creates a token; its secret is in the answer this once and never again. */
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateTokenDto) {
    return this.credentials.createToken(actor, body.name, body.expiresInDays);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  revoke(@CurrentActor() actor: Actor, @Param('tokenId', UuidParam) tokenId: string) {
    return this.credentials.revokeToken(actor, tokenId);
  }
}
