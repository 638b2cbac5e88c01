// What other pages use of 三单一函 without loading the ledger: the compose dialog (NoticeComposer,
// injectNoticeCompose) and the cards of the 驾驶舱 and the 工作台. The ledger's routes are in
// feature-ledger, which the menu loads lazily.
export * from './lib/compose/compose-form';
export * from './lib/compose/notice-compose-dialog';
export * from './lib/compose/notice-composer';
export * from './lib/to-sign-card';
export * from './lib/notice-todo-card';
