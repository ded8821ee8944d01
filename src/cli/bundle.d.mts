export const OUT: string;
export const CLI: string;
export function isStale(): boolean;
export function build(): Promise<void>;
export function ensureBundle(): Promise<string>;
