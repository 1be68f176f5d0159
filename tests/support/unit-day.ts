import { businessDay, DEFAULT_TIME_ZONE } from '../../shared/domain/calendar';

/** The unit's day (Europe/Zurich, the default setting) at `at`: what the app fills in and accepts, whatever zone the tests run in. */
export function unitDay(at: Date = new Date()): string {
  return businessDay(at, DEFAULT_TIME_ZONE);
}
