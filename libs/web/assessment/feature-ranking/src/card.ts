/*
 * A light entry point for the 驾驶舱, which shows the ranking card in a deferred block: the barrel (index.ts) would
 * bring the ranking page and its weights form into the chunks the 驾驶舱 downloads (issue 13).
 */
export * from './lib/ranking-card';
