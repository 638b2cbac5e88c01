import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType } from '@nestjs/swagger';
import {
  type CreateLeaderRequest,
  type CreateUnitRequest,
  type DistrictContactDto,
  type LeaderDto,
  RESPONSIBILITY_LEVELS,
  type ResponsibilityLevel,
  type UnitDto,
  type UpdateLeaderRequest,
  type UpdateUnitRequest,
} from '@zhaoshang/shared/domain';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** names are compared as typed in spreadsheets: without the spaces around them */
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);

const LEVEL = { title: '级别', enum: RESPONSIBILITY_LEVELS, description: 'CITY 市级 / DISTRICT 旗县区级' };
const LEVEL_MESSAGE = { message: '级别须为 CITY（市级）或 DISTRICT（旗县区级）' };

export class LeaderResponse implements LeaderDto {
  @ApiProperty({ title: 'ID' }) id: string;
  @ApiProperty({ title: '姓名（含职务）', example: '副市长 张某某' }) name: string;
  @ApiProperty({ title: '分管领域', nullable: true, type: String }) portfolio: string | null;
  @ApiProperty(LEVEL) level: ResponsibilityLevel;
  @ApiProperty({ title: '所属旗县区', nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ title: '关联的领导账号', nullable: true, type: String }) userId: string | null;
  @ApiProperty({ title: '排序' }) sortOrder: number;
  @ApiProperty({ title: '启用' }) active: boolean;
  @ApiProperty({ title: '版本' }) version: number;
}

export class UnitResponse implements UnitDto {
  @ApiProperty({ title: 'ID' }) id: string;
  @ApiProperty({ title: '单位名称', example: '市发展和改革委员会' }) name: string;
  @ApiProperty(LEVEL) level: ResponsibilityLevel;
  @ApiProperty({ title: '所属旗县区', nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ title: '排序' }) sortOrder: number;
  @ApiProperty({ title: '启用' }) active: boolean;
  @ApiProperty({ title: '版本' }) version: number;
}

class ListEntryFields {
  @ApiPropertyOptional({ title: '所属旗县区（旗县区级必填）', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(12)
  regionCode?: string | null;

  @ApiPropertyOptional({ title: '排序' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(99999)
  sortOrder?: number;
}

export class CreateLeaderDto extends ListEntryFields implements CreateLeaderRequest {
  @ApiProperty({ title: '姓名（含职务）', example: '副市长 张某某' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '请填写领导姓名' })
  @MaxLength(50)
  name: string;

  @ApiPropertyOptional({ title: '分管领域', nullable: true, type: String })
  @Transform(trimToNull)
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  portfolio?: string | null;

  @ApiProperty(LEVEL)
  @IsIn(RESPONSIBILITY_LEVELS, LEVEL_MESSAGE)
  level: ResponsibilityLevel;

  @ApiPropertyOptional({ title: '关联的领导账号（角色为领导的用户）', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: '关联账号的 ID 格式不正确' })
  userId?: string | null;
}

/** What an edit of either list adds to the entry's fields: the switch and the version read. */
class EntryStateFields {
  @ApiPropertyOptional({ title: '启用（停用后不能再选给项目，已有项目保留）' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ title: '版本', description: '读取时的版本号；已被他人修改时返回 409' })
  @IsInt()
  @Min(1)
  version: number;
}

/** Any field of a new leader (renaming one renames it on each of its projects), the switch and the version. */
export class UpdateLeaderDto extends IntersectionType(PartialType(CreateLeaderDto), EntryStateFields) implements UpdateLeaderRequest {}

export class CreateUnitDto extends ListEntryFields implements CreateUnitRequest {
  @ApiProperty({ title: '单位名称', example: '市发展和改革委员会' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: '请填写单位名称' })
  @MaxLength(100)
  name: string;

  @ApiProperty(LEVEL)
  @IsIn(RESPONSIBILITY_LEVELS, LEVEL_MESSAGE)
  level: ResponsibilityLevel;
}

/** Any field of a new unit (renaming one renames it on each of its projects), the switch and the version. */
export class UpdateUnitDto extends IntersectionType(PartialType(CreateUnitDto), EntryStateFields) implements UpdateUnitRequest {}

export class DistrictContactResponse implements DistrictContactDto {
  @ApiProperty({ title: 'ID' }) id: string;
  @ApiProperty({ title: '用户名' }) username: string;
  @ApiProperty({ title: '姓名' }) displayName: string;
}

export class DistrictContactsQueryDto {
  @ApiProperty({ title: '旗县区代码', example: '150525' })
  @IsString({ message: '请指定旗县区（regionCode）' })
  @IsNotEmpty({ message: '请指定旗县区（regionCode）' })
  @MaxLength(12)
  regionCode: string;
}
