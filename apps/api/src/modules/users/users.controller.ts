import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@zhaoshang/shared/domain';
import { Access } from '../../common/access/access.decorator.js';
import { type UserActor, CurrentUserActor } from '../../common/access/actor.js';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto, UserResponse } from './dto/user.dto.js';
import { UsersService } from './users.service.js';
import { uuidPipe } from '../../common/validation/uuid.pipe.js';

@ApiTags('用户')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access({ capability: 'users:manage' })
  @ApiOkResponse({ type: [UserResponse] })
  list(@Query() query: ListUsersQuery): Promise<UserDto[]> {
    return this.users.list(query.includeDisabled ?? true);
  }

  @Get(':id')
  @Access({ capability: 'users:manage' })
  @ApiOkResponse({ type: UserResponse })
  get(@Param('id', uuidPipe('用户编号')) id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  @Access({ capability: 'users:manage' })
  @ApiCreatedResponse({ type: UserResponse })
  create(@CurrentUserActor() actor: UserActor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @Access({ capability: 'users:manage' })
  @ApiOkResponse({ type: UserResponse })
  update(@CurrentUserActor() actor: UserActor, @Param('id', uuidPipe('用户编号')) id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @Access({ capability: 'users:manage' })
  @ApiOkResponse({ type: UserResponse })
  resetPassword(@CurrentUserActor() actor: UserActor, @Param('id', uuidPipe('用户编号')) id: string, @Body() dto: ResetPasswordDto): Promise<UserDto> {
    return this.users.resetPassword(actor, id, dto);
  }
}
