import { type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../errors/app.exception.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter that must be a UUID: otherwise 400 naming it, rather than a database error. */
export function uuidPipe(label: string, field = 'id'): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!UUID.test(value)) throw ValidationFailed.field(field, `${label}格式不正确`);
      return value.toLowerCase();
    },
  };
}
