/** The error body of every failed request (DOMAIN.md §8). */
export interface ApiErrorBody {
  statusCode: number;
  /** a stable machine-readable code, e.g. VALIDATION_FAILED */
  error: ErrorCode;
  /** for people, in Chinese */
  message: string;
  details?: ApiErrorDetail[];
}

export interface ApiErrorDetail {
  /** the field path, e.g. `scopes[0]` or `items.3.month` */
  field: string;
  message: string;
}

export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'MALFORMED_REQUEST',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'ACCOUNT_DISABLED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  /** the month is closed (月结): its reports are frozen until an admin reopens it */
  'MONTH_CLOSED',
  /** closing a month while SUBMITTED reports still wait for verification: resend with a reason to confirm */
  'REPORTS_WAITING',
  /** a project change would alter a figure of a closed month (DOMAIN.md §5): a correction, city staff or admin with a reason */
  'PERIOD_CLOSED',
  /** the report's status does not allow the action (e.g. editing a submitted report) */
  'WRONG_STATUS',
  /** a new project looks like an existing one (DOMAIN.md §5); resend with confirmLookAlike to create it all the same */
  'LOOK_ALIKE',
  'IMPORT_FAILED',
  'TOO_MANY_REQUESTS',
  /** an API key spent its request budget for the minute (429, Retry-After; DOMAIN.md §10) */
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  /** the database cannot be reached just now (503, Retry-After): the request may be sent again */
  'SERVICE_UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['statusCode'] === 'number' && typeof v['message'] === 'string' && typeof v['error'] === 'string';
}
