import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADMIN_PASSWORD, SCREENSHOT_DIR } from './constants';

export { ADMIN_PASSWORD };

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
export { byTestId };

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await byTestId(page, 'login-username').locator('input').or(byTestId(page, 'login-username')).first().fill(username);
  await byTestId(page, 'login-password').locator('input').or(byTestId(page, 'login-password')).first().fill(password);
  await byTestId(page, 'login-submit').click();
}

export async function signOut(page: Page): Promise<void> {
  await byTestId(page, 'user-menu').click();
  await byTestId(page, 'logout').click();
  await expect(page).toHaveURL(/\/login/);
}

/** Picks an option of an ng-zorro select by its visible label. */
export async function choose(page: Page, selectTestId: string, label: string): Promise<void> {
  await byTestId(page, selectTestId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label }).first().click();
}

/** A full-page screenshot kept for people to look at: dist/e2e/screenshots/<name>.png */
export async function keepScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // fonts and lazy chunks settle before the picture is taken
  await page.evaluate(() => document.fonts.ready);
  await page.waitForLoadState('networkidle');
  // a modal or message still zooming or fading in or out would leave a half-transparent ghost in the
  // picture (the screenshot fast-forwards animations, but what their end removes is removed later):
  // wait until no such animation runs, then two frames for what their end events remove. Not waited
  // for: infinite ones (spinners), transitions (hover colours: fast-forwarded, nothing removed after
  // them) and the click wave (fadeEffect, 2 s, invisible once fast-forwarded). Measured on 37
  // pictures: 104 ms a picture on average (the fixed wait was 350 ms; waiting for every animation,
  // the wave included, 366 ms).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => {
      if (a.playState !== 'running' || !Number.isFinite(Number(a.effect?.getComputedTiming().endTime))) return true;
      if (a instanceof CSSTransition) return true;
      return a instanceof CSSAnimation && (a.animationName === 'fadeEffect' || a.animationName === 'waveEffect');
    }),
  );
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: options.fullPage ?? true, animations: 'disabled' });
}

export async function apiToken(request: APIRequestContext, username: string, password: string): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** Types a date into an ng-zorro date picker and confirms it. */
export async function fillDate(page: Page, testId: string, value: string): Promise<void> {
  const input = byTestId(page, testId).locator('input');
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
}

export async function createUser(request: APIRequestContext, user: { username: string; displayName: string; password: string; role: string; regionCode?: string }): Promise<void> {
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const response = await request.post('/api/v1/users', { headers: { authorization: `Bearer ${admin}` }, data: { regionCode: null, ...user } });
  expect([201, 409]).toContain(response.status());
}

/**
 * Waits until a just-opened dialog has put the focus in itself. ng-zorro's modal moves the focus to its
 * first field when its opening animation ends; a fill started before that (a busy machine) has its text
 * typed into whichever field the focus jumps to.
 */
export async function dialogSettled(page: Page): Promise<void> {
  await expect(page.locator('.ant-modal-wrap:visible :focus')).toHaveCount(1);
}

/**
 * Waits until a just-opened dialog has finished growing (ng-zorro's modal opens with a zoom: the
 * `ant-zoom-enter` classes stay until its animation ends). A click before that may be judged stable on
 * a box a few pixels wide and land on the dialog's body instead of the button (CI, 6 December: 确认办结
 * clicked at 17×6 px). For dialogs whose submit starts disabled, the focus has nowhere to go and
 * `dialogSettled` would wait in vain; this waits for the animation itself.
 */
export async function dialogOpened(page: Page): Promise<void> {
  const dialog = page.locator('.ant-modal-wrap:visible .ant-modal').last();
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/\bant-zoom-enter\b/);
}
