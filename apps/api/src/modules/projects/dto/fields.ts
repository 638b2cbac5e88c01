import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';

/**
 * Property decorators for the project request bodies. Shapes are checked here (with the field's
 * Chinese title, which the validation pipe puts into its messages); the domain rules (uscc check
 * character, money, dates along the lifecycle) run afterwards on the whole project, in one place.
 */

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** forms send '' for an emptied optional field: that means "none" */
const trimToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const upperToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value);

const notNull = (property: string) => ValidateIf((dto: Record<string, unknown>) => dto[property] !== undefined);

/** A text every project has: required on create (`optional` false), never null. */
export function RequiredText(title: string, maxLength: number, optional = false, example?: string): PropertyDecorator {
  return (target, property) =>
    applyDecorators(
      optional ? ApiPropertyOptional({ title, maxLength, example }) : ApiProperty({ title, maxLength, example }),
      ...(optional ? [notNull(String(property))] : []),
      Transform(trim),
      IsString(),
      IsNotEmpty(),
      MaxLength(maxLength),
    )(target, property);
}

/** An optional text; '' and null clear it. `upper` for codes typed in either case. */
export function NullableText(title: string, maxLength: number | null, options: { upper?: boolean; example?: string; description?: string } = {}): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ title, type: String, nullable: true, ...(maxLength ? { maxLength } : {}), example: options.example, description: options.description }),
    Transform(options.upper ? upperToNull : trimToNull),
    IsOptional(),
    IsString(),
    ...(maxLength ? [MaxLength(maxLength)] : []),
  );
}

/** The id of a record (an account…); '' and null clear it. */
export function NullableId(title: string, description?: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ title, type: String, format: 'uuid', nullable: true, description }),
    Transform(trimToNull),
    IsOptional(),
    IsUUID('all', { message: `${title}的 ID 格式不正确` }),
  );
}

/** An amount in 万元 as a decimal string; its format is checked with the other domain rules. */
export function MoneyText(title: string, mode: 'required' | 'optional' | 'nullable'): PropertyDecorator {
  const doc = { title, type: String, example: '1200.50', description: '万元，十进制字符串，最多 2 位小数，不能为负' };
  return (target, property) =>
    applyDecorators(
      mode === 'required' ? ApiProperty(doc) : ApiPropertyOptional({ ...doc, nullable: mode === 'nullable' }),
      ...(mode === 'optional' ? [notNull(String(property))] : mode === 'nullable' ? [IsOptional()] : []),
      Transform(trim),
      IsString({ message: `${title}应以文本形式的数字提交，例如 "1200.50"` }),
      IsNotEmpty({ message: `${title}不能为空` }),
    )(target, property);
}

/** A calendar date 'YYYY-MM-DD' (or a month 'YYYY-MM'); checked with the lifecycle rules. */
export function NullableDate(title: string, kind: 'date' | 'month' = 'date'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ title, type: String, nullable: true, ...(kind === 'date' ? { format: 'date', example: '2025-03-18' } : { example: '2025-09' }) }),
    Transform(trimToNull),
    IsOptional(),
    IsString(),
  );
}

export function OneOf(title: string, values: readonly string[], optional: boolean): PropertyDecorator {
  return (target, property) =>
    applyDecorators(
      optional ? ApiPropertyOptional({ title, enum: values }) : ApiProperty({ title, enum: values }),
      ...(optional ? [notNull(String(property))] : []),
      IsIn(values),
    )(target, property);
}

export function Flag(title: string, optional = true): PropertyDecorator {
  return (target, property) =>
    applyDecorators(optional ? ApiPropertyOptional({ title, type: Boolean }) : ApiProperty({ title, type: Boolean }), ...(optional ? [notNull(String(property))] : []), IsBoolean())(
      target,
      property,
    );
}

/** A yes/no query parameter: 'true' or 'false'. */
export const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
