import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideRouter } from '@angular/router';
import { AuthService } from './lib/auth.service';
import { storeTestSession } from './testing';

describe('storeTestSession', () => {
  afterEach(() => localStorage.clear());

  it('leaves a session that AuthService takes as signed in, for an hour', () => {
    const session = storeTestSession('DISTRICT_STAFF', { displayName: '黄磊', regionCode: '150525' });
    expect(session.user).toEqual({ id: 'u1', username: 'u', displayName: '黄磊', role: 'DISTRICT_STAFF', regionCode: '150525', regionName: null });
    const left = Date.parse(session.expiresAt) - Date.now();
    expect(left).toBeGreaterThan(3500_000);
    expect(left).toBeLessThanOrEqual(3600_000);

    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const auth = TestBed.inject(AuthService);
    expect(auth.isSignedIn()).toBe(true);
    expect(auth.currentUser()).toEqual(session.user);
    expect(auth.token()).toBe('t');
  });
});
