import { Injector, resource, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { lastValue } from './last-value';

describe('lastValue', () => {
  /** lets the loader's promise settle, then runs the signal graph */
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  };

  it('keeps the last answer while the next request loads and when it fails', async () => {
    const page = signal(1);
    const answers: { resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
    const list = resource({
      params: () => page(),
      loader: () => new Promise<string>((resolve, reject) => answers.push({ resolve, reject })),
      injector: TestBed.inject(Injector),
    });
    const result = lastValue(list);
    expect(result()).toBeNull();

    await settle();
    answers[0].resolve('第一页');
    await settle();
    expect(result()).toBe('第一页');

    page.set(2);
    await settle();
    expect(list.isLoading()).toBe(true);
    expect(result()).toBe('第一页');

    answers[1].reject(new Error('网络错误'));
    await settle();
    expect(list.error()).toBeTruthy();
    expect(result()).toBe('第一页');

    page.set(3);
    await settle();
    answers[2].resolve('第三页');
    await settle();
    expect(result()).toBe('第三页');
  });
});
