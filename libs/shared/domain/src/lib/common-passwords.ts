import { COMMON_PASSWORDS } from './common-password-list.js';
import { passwordProblems } from './users.js';

let common: ReadonlySet<string> | undefined;

/** Whether the password is one of the common ones, ignoring case. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(COMMON_PASSWORDS);
  return common.has(password.toLowerCase());
}

/**
 * The whole password policy (issue 12), what the API checks wherever a password is set: the rules of
 * `passwordProblems` (length ≥ 10, two kinds of characters, not containing the user name) and not
 * one of the common passwords.
 */
export function passwordPolicyProblems(password: string, username?: string | null, label = '密码'): string[] {
  const problems = passwordProblems(password, username, label);
  if (isCommonPassword(password)) problems.push(`${label}过于常见，容易被猜中，请换一个`);
  return problems;
}
