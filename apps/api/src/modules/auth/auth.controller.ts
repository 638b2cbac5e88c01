import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CurrentUser, LoginResponse } from '@zhaoshang/shared/domain';
import type { FastifyRequest } from 'fastify';
import { Access, Public } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto, CurrentUserResponse, LoginDto, LoginResult } from './dto/auth.dto.js';

@ApiTags('登录')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: LoginResult })
  @ApiUnauthorizedResponse({ description: '用户名或密码错误，或账号已停用' })
  @ApiTooManyRequestsResponse({ description: '失败次数过多，稍后再试' })
  login(@Body() dto: LoginDto, @Req() request: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(dto.username, dto.password, request.ip);
  }

  @Get('me')
  @Access({ capability: 'session:use' })
  @ApiOkResponse({ type: CurrentUserResponse })
  me(@CurrentUserActor() actor: UserActor): Promise<CurrentUser> {
    return this.auth.me(actor);
  }

  @Post('change-password')
  @HttpCode(200)
  @Access({ capability: 'session:use' })
  @ApiOkResponse({ type: LoginResult, description: '已修改：该用户的其他登录全部失效，本次会话换用返回的新令牌' })
  changePassword(@CurrentUserActor() actor: UserActor, @Body() dto: ChangePasswordDto): Promise<LoginResponse> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
