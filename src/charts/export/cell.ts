/** One cell of an exported table (CSV, the workbook): what a spreadsheet column can hold. */
export type Cell = string | number | boolean | null | undefined;
