/** The product's name in the browser tab, the header and the login page. */
export const PRODUCT_NAME = '通辽市招商项目全流程跟踪';

/** `用户管理 - 通辽市招商项目全流程跟踪`; a record's own name goes first: `某项目 - 项目详情 - …`. */
export function pageTitle(...parts: (string | null | undefined)[]): string {
  return [...parts.filter((p): p is string => !!p), PRODUCT_NAME].join(' - ');
}
