import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { API_KEY_SCOPE_LABELS, type ApiKeyDto, type CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { ApiKeysApi } from '@zhaoshang/web/admin/data-access';
import { ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import { DateTimePipe, injectIsPhone, PageHeader } from '@zhaoshang/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { ApiKeyCreateDialog } from './api-key-create-dialog';
import { ApiKeyLimitDialog } from './api-key-limit-dialog';
import { ApiKeySecretDialog } from './api-key-secret-dialog';

@Component({
  selector: 'zs-api-keys-page',
  imports: [
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    DateTimePipe,
    PageHeader,
    ApiKeyCreateDialog,
    ApiKeyLimitDialog,
    ApiKeySecretDialog,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './api-keys-page.html',
  styles: `
    :host {
      display: block;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .muted {
      color: rgba(0, 0, 0, 0.55);
    }
    .budget__limit {
      display: block;
    }
    .budget__used {
      color: rgba(0, 0, 0, 0.55);
      font-size: 12px;
    }
    .budget__used--full {
      color: #cf1322;
    }
    .row--revoked td {
      color: rgba(0, 0, 0, 0.4);
    }
    nz-table {
      background: #fff;
    }
  `,
})
export class ApiKeysPage {
  protected readonly isPhone = injectIsPhone();
  private readonly api = inject(ApiKeysApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  protected readonly scopeLabels = API_KEY_SCOPE_LABELS;
  protected readonly keys = signal<ApiKeyDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly creating = signal(false);
  /** the key just created, shown once */
  protected readonly created = signal<(CreateApiKeyResponse & { name: string }) | null>(null);
  protected readonly revoking = signal<string | null>(null);
  /** the key whose request budget is being changed */
  protected readonly editing = signal<ApiKeyDto | null>(null);

  constructor() {
    this.load();
  }

  protected load(then?: (keys: ApiKeyDto[]) => void): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (keys) => {
        this.keys.set(keys);
        this.loading.set(false);
        then?.(keys);
      },
      error: () => this.loading.set(false),
    });
  }

  protected onCreated(created: CreateApiKeyResponse & { name: string }): void {
    this.created.set(created);
    this.load();
  }

  protected onLimitSaved(saved: ApiKeyDto): void {
    this.keys.update((keys) => keys.map((k) => (k.id === saved.id ? saved : k)));
    this.messages.success(`「${saved.name}」的上限已改为每分钟 ${saved.rateLimitPerMinute} 次`);
  }

  /** The dialog met a newer version: read the list again and edit what is current now. */
  protected reloadEditing(): void {
    const editing = this.editing();
    if (!editing) return;
    this.load((keys) => this.editing.set(keys.find((k) => k.id === editing.id && !k.revokedAt) ?? null));
  }

  protected revoke(key: ApiKeyDto): void {
    this.revoking.set(key.id);
    this.api.revoke(key.id).subscribe({
      next: (revoked) => {
        this.revoking.set(null);
        this.keys.update((keys) => keys.map((k) => (k.id === revoked.id ? revoked : k)));
        this.messages.success(`已吊销「${revoked.name}」`);
      },
      error: (error: unknown) => {
        this.revoking.set(null);
        this.notifier.show(error);
      },
    });
  }
}
