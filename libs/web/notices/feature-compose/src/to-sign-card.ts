/*
 * A light entry point for the 驾驶舱, which shows 待我签发 in a deferred block: the barrel (index.ts) would
 * bring the compose dialog and its form into the chunks the 驾驶舱 downloads (issue 13).
 */
export * from './lib/to-sign-card';
