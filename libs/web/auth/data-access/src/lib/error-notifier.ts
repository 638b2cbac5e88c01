import { Injectable, inject } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { apiErrorMessage } from '@zhaoshang/web/shared/util';

/** The same text again within this time is not shown twice (parallel requests failing together). */
const REPEAT_WINDOW_MS = 3000;

/** Shows a failed request as a short Chinese message at the top of the page. */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly messages = inject(NzMessageService);
  private last = { text: '', at: 0 };

  show(error: unknown): void {
    this.showText(apiErrorMessage(error));
  }

  showText(text: string): void {
    const now = Date.now();
    if (text === this.last.text && now - this.last.at < REPEAT_WINDOW_MS) return;
    this.last = { text, at: now };
    this.messages.error(text);
  }
}
