import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateUserRequest,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ResetPasswordRequest,
  type Role,
  ROLES,
  type UpdateUserRequest,
  USERNAME_PATTERN,
  type UserDto,
} from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { CurrentUserResponse } from '../../auth/dto/auth.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** A user as the admin pages see one: the signed-in user's fields (CurrentUserResponse) and the account's state. */
export class UserResponse extends CurrentUserResponse implements UserDto {
  @ApiProperty({ title: '已停用' }) disabled: boolean;
  @ApiProperty({ title: '版本' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastLoginAt: string | null;
}

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ title: '用户名', example: 'naiman01', description: '3–32 位，字母开头，可含字母、数字、_ . -；不区分大小写' })
  @Transform(lower)
  @IsString()
  @Matches(USERNAME_PATTERN, { message: '用户名须为 3–32 位，以字母开头，只含字母、数字、_ . -' })
  username: string;

  @ApiProperty({ title: '姓名', example: '王晓梅' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName: string;

  @ApiProperty({ title: '初始密码', minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ title: '角色', enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ title: '所属地区', description: '旗县招商人员必填：其所属旗县市区的代码', nullable: true, type: String, example: '150525' })
  @ValidateIf((dto: CreateUserDto) => dto.regionCode !== null && dto.regionCode !== undefined)
  @IsString()
  regionCode?: string | null;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ title: '姓名' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  displayName?: string;

  @ApiPropertyOptional({ title: '角色', enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ title: '所属地区', nullable: true, type: String })
  @ValidateIf((dto: UpdateUserDto) => dto.regionCode !== null && dto.regionCode !== undefined)
  @IsString()
  regionCode?: string | null;

  @ApiPropertyOptional({ title: '停用' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiProperty({ title: '版本', description: '读取时的版本号；已被他人修改时返回 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty({ title: '新密码', minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ title: '版本' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ title: '包含已停用', default: true })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeDisabled?: boolean;
}
