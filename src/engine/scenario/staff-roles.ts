/**
 * What a staff role does, said once for the engine (articles 000, 001): who sells, and who
 * of them keeps a client book of their own. Everyone else — collectors, the head with
 * working hours, and the inbound sector, which converts requests but keeps no book — works
 * the billing and collection queue.
 */
import type { StaffRole } from './types.ts';

/** A salesperson with a book of their own: hunters bring clients in, account managers keep them. */
export function keepsBook(role: StaffRole): boolean {
  return role === 'hunter' || role === 'accountManager';
}

/** Everyone who sells: the book keepers and the inbound sector. */
export function sells(role: StaffRole): boolean {
  return keepsBook(role) || role === 'inbound';
}
