import type { ApiKeyScope, Role } from './roles.js';

/** The signed-in user as the API and the web app see it. */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
}

export interface LoginRequest {
  username: string;
  password: string;
}

/** POST /auth/change-password: the signed-in user changes their own password. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface LoginResponse {
  accessToken: string;
  /** ISO 8601 instant at which the token stops being accepted */
  expiresAt: string;
  user: CurrentUser;
}

export interface UserDto extends CurrentUser {
  disabled: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  regionCode?: string | null;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  regionCode?: string | null;
  disabled?: boolean;
  /** the version the client read; a different current version gives 409 */
  version: number;
}

export interface ResetPasswordRequest {
  password: string;
  version: number;
}

export interface ApiKeyDto {
  id: string;
  name: string;
  /** the first characters of the key, enough to recognise it; the rest is never shown again */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  createdBy: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** requests a minute this key may make (issue 16; api-key-limits.ts) */
  rateLimitPerMinute: number;
  /** requests made in the current minute (of the database's clock) */
  usedThisMinute: number;
  version: number;
}

export interface CreateApiKeyRequest {
  name: string;
  scopes: ApiKeyScope[];
  /** API_KEY_RATE_LIMIT_DEFAULT when left out */
  rateLimitPerMinute?: number;
}

export interface CreateApiKeyResponse {
  id: string;
  /** shown once: only a hash is kept */
  key: string;
}

export const USERNAME_PATTERN = /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/;
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Problems with a new password, in Chinese, naming the field by `label` (密码, 新密码); empty when
 * acceptable. The rules the web form checks as one types: length, two kinds of characters, and not
 * the user name (nor containing it, ignoring case). The API checks these and the common-password
 * list too (`passwordPolicyProblems` in common-passwords.ts): that list stays out of the web bundle.
 */
export function passwordProblems(password: string, username?: string | null, label = '密码'): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`${label}至少 ${PASSWORD_MIN_LENGTH} 位`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`${label}最多 ${PASSWORD_MAX_LENGTH} 位`);
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 2) problems.push(`${label}需包含字母、数字、符号中的至少两类`);
  const name = username?.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push(`${label}不能包含用户名`);
  return problems;
}
