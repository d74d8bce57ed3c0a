/** Ids for what a user makes (drawings, layers): unique in this browser, sortable by creation time. */
let counter = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
