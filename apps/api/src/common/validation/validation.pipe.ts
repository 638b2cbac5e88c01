import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ApiErrorDetail } from '@zhaoshang/shared/domain';
import { ValidationFailed } from '../errors/app.exception.js';

/** swagger keeps each DTO property's options under this key; its `title` is the field's Chinese name */
const SWAGGER_PROPERTIES = 'swagger/apiModelProperties';

type Template = (label: string, args: unknown[]) => string;

const TEMPLATES: Record<string, Template> = {
  isDefined: (l) => `${l}不能为空`,
  isNotEmpty: (l) => `${l}不能为空`,
  isString: (l) => `${l}必须是文本`,
  isBoolean: (l) => `${l}必须是 true 或 false`,
  isInt: (l) => `${l}必须是整数`,
  isNumber: (l) => `${l}必须是数字`,
  isUUID: (l) => `${l}格式不正确`,
  isArray: (l) => `${l}必须是列表`,
  arrayNotEmpty: (l) => `${l}至少选择一项`,
  arrayUnique: (l) => `${l}不能重复`,
  min: (l, [n]) => `${l}不能小于 ${String(n)}`,
  max: (l, [n]) => `${l}不能大于 ${String(n)}`,
  minLength: (l, [n]) => `${l}至少 ${String(n)} 个字符`,
  maxLength: (l, [n]) => `${l}最多 ${String(n)} 个字符`,
  isIn: (l, [values]) => `${l}必须是以下之一：${(values as unknown[]).join('、')}`,
  isEnum: (l, [, values]) => `${l}必须是以下之一：${(values as unknown[]).join('、')}`,
  whitelistValidation: (l) => `不允许的字段：${l}`,
  nestedValidation: (l) => `${l}格式不正确`,
};

function label(error: ValidationError): string {
  const target = error.target as object | undefined;
  const options = target ? (Reflect.getMetadata(SWAGGER_PROPERTIES, target, error.property) as { title?: string } | undefined) : undefined;
  return options?.title ?? error.property;
}

/** Which failed constraint to report when a field fails several: the most basic problem first. */
const PRIORITY = ['whitelistValidation', 'isDefined', 'isNotEmpty', 'isString', 'isInt', 'isNumber', 'isBoolean', 'isArray'];
const rank = (constraint: string) => (PRIORITY.includes(constraint) ? PRIORITY.indexOf(constraint) : PRIORITY.length);

function flatten(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? (/^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    // one message per field: "姓名不能为空" says it all, "姓名必须是文本" beside it only adds noise
    const [first] = Object.entries(error.constraints ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    const own = (first ? [first] : []).map(([constraint, fallback]): ApiErrorDetail => {
      const template = TEMPLATES[constraint];
      const args = constraintArgs(error, constraint);
      // a message written on the decorator itself (Chinese, with the field's name) wins
      const custom = /[\u4e00-\u9fff]/.test(fallback) ? fallback : undefined;
      return { field, message: custom ?? (template ? template(constraint === 'whitelistValidation' ? field : label(error), args) : `${label(error)}不合法`) };
    });
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** class-validator keeps a constraint's arguments (a length, a list) only in its metadata. */
function constraintArgs(error: ValidationError, constraint: string): unknown[] {
  const target = error.target as object | undefined;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((m) => m.propertyName === error.property && m.name === constraint);
  return (metadata?.constraints as unknown[] | undefined) ?? [];
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationFailed(flatten(errors)),
  });
}
