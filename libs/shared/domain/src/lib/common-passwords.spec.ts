import { isCommonPassword, passwordPolicyProblems } from './common-passwords.js';
import { passwordProblems } from './users.js';

describe('the password policy (issue 12)', () => {
  it('wants at least 10 characters: password1 and Aa111111 were accepted before', () => {
    expect(passwordProblems('password1')).toContain('密码至少 10 位');
    expect(passwordProblems('Aa111111')).toContain('密码至少 10 位');
    expect(passwordProblems('Tongliao2026')).toEqual([]);
  });

  it('refuses the user name, or a password containing it, ignoring case', () => {
    expect(passwordProblems('Kailu#2026', 'kailu')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('wangfang01', 'WangFang01')).toEqual(['密码不能包含用户名']);
    expect(passwordProblems('Tongliao2026', 'wangfang')).toEqual([]);
    expect(passwordProblems('Tongliao2026', null)).toEqual([]);
  });

  it('names the field it is about', () => {
    expect(passwordProblems('short#1', undefined, '新密码')).toEqual(['新密码至少 10 位']);
  });

  it('refuses the common passwords, Chinese favourites included, ignoring case', () => {
    for (const common of ['woaini1314', 'qwe123456', 'a123456789', 'password1', 'aa111111', 'Qwertyuiop', 'WoAiNi1314', '1q2w3e4r5t', 'iloveyou12']) {
      expect({ common, listed: isCommonPassword(common) }).toEqual({ common, listed: true });
    }
    expect(isCommonPassword('Tongliao#2026-xq')).toBe(false);
    expect(passwordPolicyProblems('Woaini1314')).toEqual(['密码过于常见，容易被猜中，请换一个']);
    expect(passwordPolicyProblems('A123456789', null, '新密码')).toEqual(['新密码过于常见，容易被猜中，请换一个']);
    expect(passwordPolicyProblems('Tongliao#2026', 'wangfang')).toEqual([]);
  });

  it('ships a list of a few thousand', () => {
    let listed = 0;
    for (const candidate of ['password123', 'qwertyuiop', '1234567890', 'woaini1314', 'abc123456789', 'iloveyou1', 'sunshine1', 'football1']) if (isCommonPassword(candidate)) listed += 1;
    expect(listed).toBe(8);
  });
});
