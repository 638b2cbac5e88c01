import type { AbstractControl, FormControl, FormGroup, NonNullableFormBuilder, ValidatorFn } from '@angular/forms';
import {
  type CreateUserRequest,
  type Role,
  type UpdateUserRequest,
  type UserDto,
  USERNAME_PATTERN,
  isRole,
  roleNeedsRegion,
} from '@zhaoshang/shared/domain';
import { passwordValidators, zsValidators } from '@zhaoshang/web/shared/ui';

export const DISPLAY_NAME_MAX_LENGTH = 50;
export const USERNAME_RULE = '以字母开头，3–32 位字母、数字或 _ . -';
export const REGION_REQUIRED_MESSAGE = '旗县招商人员须选择所属地区';

/** Required exactly when the sibling `role` is bound to a region (DISTRICT_STAFF). */
export const regionRequiredForRole: ValidatorFn = (control) => {
  const role: unknown = control.parent?.get('role')?.value;
  return isRole(role) && roleNeedsRegion(role) && !control.value ? { required: REGION_REQUIRED_MESSAGE } : null;
};

/** The username typed in the same form (the password may not contain it). */
const siblingUsername = (control: AbstractControl): string | null => {
  const username: unknown = control.parent?.get('username')?.value;
  return typeof username === 'string' ? username.trim() : null;
};

interface RoleAndRegion {
  role: FormControl<Role | null>;
  regionCode: FormControl<string | null>;
}

export type CreateUserForm = FormGroup<
  RoleAndRegion & { username: FormControl<string>; displayName: FormControl<string>; password: FormControl<string> }
>;
export type EditUserForm = FormGroup<RoleAndRegion & { displayName: FormControl<string>; disabled: FormControl<boolean> }>;

export function createUserForm(fb: NonNullableFormBuilder): CreateUserForm {
  const form = fb.group({
    username: ['', [zsValidators.required('请输入用户名'), zsValidators.pattern(USERNAME_PATTERN, `用户名${USERNAME_RULE}`)]],
    displayName: ['', displayNameValidators()],
    role: fb.control<Role | null>(null, zsValidators.required('请选择角色')),
    regionCode: fb.control<string | null>(null, regionRequiredForRole),
    // checked against the username typed beside it, and again whenever that changes
    password: ['', passwordValidators('请输入初始密码', siblingUsername)],
  });
  form.controls.username.valueChanges.subscribe(() => form.controls.password.updateValueAndValidity());
  linkRegionToRole(form.controls);
  return form;
}

export function editUserForm(fb: NonNullableFormBuilder): EditUserForm {
  const form = fb.group({
    displayName: ['', displayNameValidators()],
    role: fb.control<Role | null>(null, zsValidators.required('请选择角色')),
    regionCode: fb.control<string | null>(null, regionRequiredForRole),
    disabled: [false],
  });
  linkRegionToRole(form.controls);
  return form;
}

export function fillEditUserForm(form: EditUserForm, user: UserDto): void {
  form.reset({ displayName: user.displayName, role: user.role, regionCode: user.regionCode, disabled: user.disabled });
}

export function toCreateUserRequest(form: CreateUserForm): CreateUserRequest {
  const value = form.getRawValue();
  const role = requireRole(value.role);
  return {
    username: value.username.trim(),
    displayName: value.displayName.trim(),
    password: value.password,
    role,
    regionCode: roleNeedsRegion(role) ? value.regionCode : null,
  };
}

export function toUpdateUserRequest(form: EditUserForm, version: number): UpdateUserRequest {
  const value = form.getRawValue();
  const role = requireRole(value.role);
  return {
    displayName: value.displayName.trim(),
    role,
    regionCode: roleNeedsRegion(role) ? value.regionCode : null,
    disabled: value.disabled,
    version,
  };
}

function displayNameValidators(): ValidatorFn[] {
  return [
    zsValidators.required('请输入姓名'),
    (control) => (typeof control.value === 'string' && control.value !== '' && control.value.trim() === '' ? { blank: '姓名不能只有空格' } : null),
    zsValidators.maxLength(DISPLAY_NAME_MAX_LENGTH, `姓名最多 ${DISPLAY_NAME_MAX_LENGTH} 个字`),
  ];
}

/** A change of role re-checks the region; roles without a region lose the one chosen. */
function linkRegionToRole({ role, regionCode }: RoleAndRegion): void {
  role.valueChanges.subscribe((next) => {
    if (!next || !roleNeedsRegion(next)) regionCode.setValue(null, { emitEvent: false });
    regionCode.updateValueAndValidity();
  });
}

function requireRole(role: Role | null): Role {
  if (!role) throw new Error('the form is submitted only when valid, and then it has a role');
  return role;
}
