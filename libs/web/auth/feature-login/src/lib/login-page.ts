import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthService, safeReturnUrl } from '@zhaoshang/web/auth/data-access';
import { SiteStore } from '@zhaoshang/web/shared/data-access';
import { FirstErrorPipe, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { apiErrorMessage } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';

@Component({
  selector: 'zs-login-page',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzIconModule, NzInputModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './login-page.less',
})
export class LoginPage {
  private readonly auth = inject(AuthService);
  protected readonly site = inject(SiteStore);
  private readonly router = inject(Router);
  private readonly query = toSignal(inject(ActivatedRoute).queryParamMap, { requireSync: true });

  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [zsValidators.required('请输入用户名')]],
    password: ['', [zsValidators.required('请输入密码')]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly expired = computed(() => this.query().get('reason') === 'expired' && this.error() === null);
  protected readonly year = new Date().getFullYear();
  private readonly returnUrl = computed(() => safeReturnUrl(this.query().get('returnUrl')));

  constructor() {
    // a new attempt hides the old failure
    this.form.valueChanges.subscribe(() => this.error.set(null));
  }

  protected submit(): void {
    if (this.submitting() || !validateAll(this.form)) return;
    const { username, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.auth.login({ username: username.trim(), password }).subscribe({
      next: () => void this.router.navigateByUrl(this.returnUrl(), { replaceUrl: true }),
      error: (error: unknown) => {
        this.submitting.set(false);
        this.error.set(apiErrorMessage(error));
        this.form.controls.password.reset('', { emitEvent: false });
      },
    });
  }
}
