/*
 * A light entry point for the 驾驶舱, which shows the publication badge in a deferred block: the barrel (index.ts) would
 * bring the revisions page, its month picker and table into the chunks the 驾驶舱 downloads (issue 13).
 */
export * from './lib/publication-badge';
