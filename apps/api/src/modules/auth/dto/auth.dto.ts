import { ApiProperty } from '@nestjs/swagger';
import { type ChangePasswordRequest, type CurrentUser, type LoginRequest, type LoginResponse, PASSWORD_MAX_LENGTH, type Role, ROLES } from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ title: '用户名', example: 'admin' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  username: string;

  @ApiProperty({ title: '密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ title: '当前密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({ title: '新密码' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword: string;
}

export class CurrentUserResponse implements CurrentUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ title: '用户名' }) username: string;
  @ApiProperty({ title: '姓名' }) displayName: string;
  @ApiProperty({ title: '角色', enum: ROLES }) role: Role;
  @ApiProperty({ title: '所属地区代码', nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ title: '所属地区', nullable: true, type: String }) regionName: string | null;
}

export class LoginResult implements LoginResponse {
  @ApiProperty({ title: '访问令牌', description: '请求时放在 Authorization: Bearer <令牌> 头中' }) accessToken: string;
  @ApiProperty({ format: 'date-time', title: '过期时间' }) expiresAt: string;
  @ApiProperty({ type: CurrentUserResponse }) user: CurrentUserResponse;
}
