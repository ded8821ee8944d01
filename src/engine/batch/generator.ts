/** What results and shard files name as their `generator`: one place for every front end, so the CLI and the workbench write the same bytes. */
export const GENERATOR = 'paybench 0.1.0';
