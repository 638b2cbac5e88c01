import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/**
 * The `version` a change carries (DOMAIN.md §7): the version the caller read; a stale one gets 409.
 * One decorator, so every body asks for it with the same description (the validation pipe words the
 * messages from the title: 版本必须是整数, 版本不能小于 1).
 * Settings start at version 0 (never saved: the defaults); records at 1.
 */
export function VersionField(options: { neverSaved?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ title: '版本', description: `读取时的版本号${options.neverSaved ? '（从未保存过为 0）' : ''}；已被他人修改时返回 409` }),
    IsInt(),
    Min(options.neverSaved ? 0 : 1),
  );
}
