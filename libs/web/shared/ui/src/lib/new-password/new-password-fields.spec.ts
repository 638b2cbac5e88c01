import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { validateAll } from '../form-errors';
import { NewPasswordFields, PASSWORD_RULE, newPasswordControls } from './new-password-fields';

@Component({
  selector: 'zs-host',
  imports: [ReactiveFormsModule, NzFormModule, NewPasswordFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form nz-form nzLayout="vertical" [formGroup]="form">
      <zs-new-password-fields [controls]="pair" [ids]="{ password: 'x-new', confirm: 'x-confirm' }" [testIds]="{ password: 't-new', confirm: 't-confirm' }" />
    </form>
  `,
})
class Host {
  readonly pair = newPasswordControls(inject(NonNullableFormBuilder), '两次输入的密码不一致');
  readonly form = new FormGroup({ newPassword: this.pair.password, confirmPassword: this.pair.confirm });
}

function controls() {
  return TestBed.runInInjectionContext(() => newPasswordControls(inject(NonNullableFormBuilder), '不一致'));
}

describe('newPasswordControls', () => {
  it('asks for both fields, then the domain rule on the password', () => {
    const { password, confirm } = controls();
    expect(password.errors).toEqual({ required: '请输入新密码' });
    expect(confirm.errors).toEqual({ required: '请再次输入新密码' });
    password.setValue('abc');
    expect(password.errors?.['check']).toEqual(expect.any(String));
    password.setValue('Kailu#2027');
    expect(password.errors).toBeNull();
  });

  it('refuses the password of the given user’s name, and says the rule of issue 12 under the field', () => {
    const { password } = TestBed.runInInjectionContext(() => newPasswordControls(inject(NonNullableFormBuilder), '不一致', () => 'kailu01'));
    password.setValue('Kailu01#2027');
    expect(password.errors).toEqual({ check: '密码不能包含用户名' });
    password.setValue('Kailu#2027');
    expect(password.errors).toBeNull();
    password.setValue('password1');
    expect(password.errors).toEqual({ check: '密码至少 10 位' });
    expect(PASSWORD_RULE).toBe('至少 10 位，包含字母、数字、符号中的至少两类，不能包含用户名，不能是常见密码');
  });

  it('says the mismatch message until the confirmation equals the password, checked again when the password changes', () => {
    const { password, confirm } = controls();
    const steps: [field: 'password' | 'confirm', value: string, confirmErrors: object | null][] = [
      ['password', 'Kailu#2027', { required: '请再次输入新密码' }],
      ['confirm', 'Kailu#2028', { sameAs: '不一致' }],
      ['confirm', 'Kailu#2027', null],
      ['password', 'Kailu#2029', { sameAs: '不一致' }],
      ['password', 'Kailu#2027', null],
    ];
    for (const [field, value, confirmErrors] of steps) {
      (field === 'password' ? password : confirm).setValue(value);
      expect(confirm.errors).toEqual(confirmErrors);
    }
  });
});

describe('NewPasswordFields', () => {
  async function setup() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, host: fixture.componentInstance, element };
  }

  it('labels the two inputs with the given ids and test ids, the rule under the first', async () => {
    const { element } = await setup();
    const labels = Array.from(element.querySelectorAll('label'));
    expect(labels.map((label) => [label.textContent?.trim(), label.getAttribute('for')])).toEqual([
      ['新密码', 'x-new'],
      ['确认新密码', 'x-confirm'],
    ]);
    const first = element.querySelector<HTMLInputElement>('[data-testid="t-new"]');
    const second = element.querySelector<HTMLInputElement>('[data-testid="t-confirm"]');
    expect(first?.id).toBe('x-new');
    expect(second?.id).toBe('x-confirm');
    expect(first?.autocomplete).toBe('new-password');
    expect(element.textContent).toContain(PASSWORD_RULE);
  });

  it('binds the inputs to the caller’s controls and shows their first error', async () => {
    const { fixture, host, element } = await setup();
    const confirm = element.querySelector<HTMLInputElement>('[data-testid="t-confirm"]');
    if (!confirm) throw new Error('no confirmation input');
    host.pair.password.setValue('Kailu#2027');
    confirm.value = 'Kailu#2028';
    confirm.dispatchEvent(new Event('input'));
    expect(host.form.controls.confirmPassword.value).toBe('Kailu#2028');
    validateAll(host.form);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(element.textContent).toContain('两次输入的密码不一致');
    expect((element.querySelector<HTMLInputElement>('[data-testid="t-new"]'))?.value).toBe('Kailu#2027');
  });
});
