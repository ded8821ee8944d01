import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../../src/engine/model/calendar.ts';

const ru = { holidays: 'ru' as const, extraHolidays: [], workingWeekends: [] };

function dayIndex(cal: ReturnType<typeof buildCalendar>, month: number, day: number): number {
  return cal.monthStart[month] + day - 1;
}

describe('calendar', () => {
  it('spans burn-in and horizon months with their real lengths', () => {
    const cal = buildCalendar(ru, '2028-01', 2, 3); // Nov 2027 … Mar 2028 (leap February)
    expect(Array.from(cal.calendarMonth)).toEqual([11, 12, 1, 2, 3]);
    expect(Array.from(cal.monthLength)).toEqual([30, 31, 31, 29, 31]);
    expect(cal.firstRecordedMonth).toBe(2);
    expect(cal.firstRecordedDay).toBe(61);
    expect(cal.days).toBe(30 + 31 + 31 + 29 + 31);
  });

  it('keeps the Russian New Year holidays: the first working day of January 2027 is the 11th (weekend after the 8th)', () => {
    const cal = buildCalendar(ru, '2027-01', 0, 1);
    const firstWorking = Array.from({ length: 31 }, (_, d) => d + 1).find((d) => cal.working[d - 1] === 1);
    expect(firstWorking).toBe(11);
  });

  it('marks weekends and fixed holidays as non-working, decreed working weekends as working', () => {
    const cal = buildCalendar({ ...ru, workingWeekends: ['2027-03-06'], extraHolidays: ['2027-03-10'] }, '2027-03', 0, 1);
    expect(cal.working[dayIndex(cal, 0, 8)]).toBe(0); // 8 March
    expect(cal.working[dayIndex(cal, 0, 6)]).toBe(1); // Saturday, decreed working
    expect(cal.working[dayIndex(cal, 0, 7)]).toBe(0); // Sunday
    expect(cal.working[dayIndex(cal, 0, 9)]).toBe(1); // Tuesday
    expect(cal.working[dayIndex(cal, 0, 10)]).toBe(0); // scenario's extra holiday
  });

  it('without holidays only weekends rest; nextWorking skips to a banking day', () => {
    const cal = buildCalendar({ holidays: 'none', extraHolidays: [], workingWeekends: [] }, '2027-01', 0, 1);
    expect(cal.working[0]).toBe(1); // Friday 1 January
    expect(cal.nextWorking[1]).toBe(3); // Saturday 2 → Monday 4
  });
});
