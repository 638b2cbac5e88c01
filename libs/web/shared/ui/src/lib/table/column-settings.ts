import { ChangeDetectionStrategy, Component, type Signal, computed, input, linkedSignal } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule } from 'ng-zorro-antd/icon';

/** A column of a wide list, as the column-settings menu names it. */
export interface TableColumn<K extends string = string> {
  key: K;
  title: string;
  /** the column that says which row it is (number, name): it cannot be hidden */
  required?: boolean;
  /** shown only when the user asks for it (a wide list's less used column) */
  hiddenByDefault?: boolean;
}

/** Which columns a list shows; see `columnVisibility`. */
export interface ColumnVisibility<K extends string = string> {
  readonly columns: readonly TableColumn<K>[];
  /** the keys hidden now */
  readonly hidden: Signal<ReadonlySet<K>>;
  /** how many columns show */
  readonly shownCount: Signal<number>;
  shown(key: K): boolean;
  setShown(key: K, shown: boolean): void;
  /** the list's own choice again */
  reset(): void;
}

const STORAGE_PREFIX = 'zs.columns';

function defaultHidden<K extends string>(columns: readonly TableColumn<K>[]): ReadonlySet<K> {
  return new Set(columns.filter((c) => c.hiddenByDefault && !c.required).map((c) => c.key));
}

function readHidden<K extends string>(storageKey: string, columns: readonly TableColumn<K>[]): ReadonlySet<K> {
  try {
    const text = localStorage.getItem(storageKey);
    if (text === null) return defaultHidden(columns);
    const stored: unknown = JSON.parse(text);
    // a column that was renamed or made required since shows again
    const hideable = new Set(columns.filter((c) => !c.required).map((c) => c.key as string));
    return new Set(Array.isArray(stored) ? (stored.filter((key) => typeof key === 'string' && hideable.has(key)) as K[]) : []);
  } catch {
    // a broken entry (edited by hand, another version) is as good as none
    return defaultHidden(columns);
  }
}

/**
 * The columns a user has hidden in one list, remembered in this browser per user (`owner`, e.g. the
 * user's id: colleagues who share a computer keep their own) and per list (`listId`). Call in an
 * injection context (it holds signals); `owner` may change, e.g. at sign-in, and the choice follows.
 */
export function columnVisibility<K extends string>(listId: string, columns: readonly TableColumn<K>[], owner: () => string | null | undefined): ColumnVisibility<K> {
  const storageKey = computed(() => `${STORAGE_PREFIX}.${listId}.${owner() ?? 'anonymous'}`);
  const hidden = linkedSignal(() => readHidden(storageKey(), columns));
  // no entry: the list's defaults; an entry, even empty, is the user's choice
  const save = (next: ReadonlySet<K> | null) => {
    hidden.set(next ?? defaultHidden(columns));
    try {
      if (next === null) localStorage.removeItem(storageKey());
      else localStorage.setItem(storageKey(), JSON.stringify([...next]));
    } catch {
      // storage full or refused (private mode): the choice holds until the page is left
    }
  };
  return {
    columns,
    hidden,
    shownCount: computed(() => columns.length - hidden().size),
    shown: (key) => !hidden().has(key),
    setShown: (key, shown) => {
      if (columns.find((c) => c.key === key)?.required) return;
      const next = new Set(hidden());
      if (shown) next.delete(key);
      else next.add(key);
      save(next);
    },
    reset: () => save(null),
  };
}

/**
 * 列设置: a button opening a menu of the list's columns with a checkbox each, and 重置. The list
 * asks `visibility.shown(key)` for each of its columns.
 */
@Component({
  selector: 'zs-column-settings',
  imports: [NzButtonModule, NzCheckboxModule, NzDropDownModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      nz-button
      type="button"
      nz-dropdown
      [nzDropdownMenu]="menu"
      nzTrigger="click"
      nzPlacement="bottomRight"
      [nzClickHide]="false"
      aria-label="列设置：选择要显示的列"
      data-testid="column-settings"
    >
      <nz-icon nzType="setting" />列设置
      <span class="zs-column-settings__count">（{{ visibility().shownCount() }}/{{ visibility().columns.length }}）</span>
    </button>
    <nz-dropdown-menu #menu="nzDropdownMenu">
      <div class="zs-column-settings__menu" role="group" aria-label="显示的列">
        @for (column of visibility().columns; track column.key) {
          <label
            nz-checkbox
            class="zs-column-settings__item"
            [nzDisabled]="column.required === true"
            [nzChecked]="visibility().shown(column.key)"
            (nzCheckedChange)="visibility().setShown(column.key, $event)"
            [attr.data-testid]="'column-settings-' + column.key"
            >{{ column.title }}</label
          >
        }
        <div class="zs-column-settings__foot">
          <button nz-button nzType="link" nzSize="small" type="button" (click)="visibility().reset()" data-testid="column-settings-reset">
            重置
          </button>
        </div>
      </div>
    </nz-dropdown-menu>
  `,
  styles: `
    .zs-column-settings__count {
      margin-left: 2px;
      color: rgba(0, 0, 0, 0.45);
    }
    .zs-column-settings__menu {
      display: flex;
      flex-direction: column;
      min-width: 160px;
      padding: 8px 12px 4px;
      background: #fff;
      border-radius: 8px;
      box-shadow:
        0 6px 16px 0 rgba(0, 0, 0, 0.08),
        0 3px 6px -4px rgba(0, 0, 0, 0.12),
        0 9px 28px 8px rgba(0, 0, 0, 0.05);
    }
    .zs-column-settings__item {
      margin: 0 !important;
      padding: 5px 0;
    }
    .zs-column-settings__foot {
      margin-top: 4px;
      padding-top: 4px;
      border-top: 1px solid rgba(5, 5, 5, 0.06);
      text-align: right;
    }
  `,
})
export class ColumnSettings {
  readonly visibility = input.required<ColumnVisibility>();
}
