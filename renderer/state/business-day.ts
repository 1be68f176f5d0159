/**
 * The unit's today on screen: the computer's clock read in the unit's time zone from Settings,
 * by the same function the services check dates with (shared/domain/calendar.ts). A dialog in
 * Geneva at 00:30 therefore fills in the day the service accepts, whatever zone the computer
 * or the browser is set to.
 */
import { businessDay, DEFAULT_TIME_ZONE } from '../../shared/domain/calendar';
import { useSettings } from './settings';

/** The zone from Settings; the default until they are loaded (the screens wait for them). */
export function unitTimeZone(): string {
  return useSettings.getState().settings?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** Today as YYYY-MM-DD for the unit: for default dates filled in when a form opens. */
export function unitToday(at: Date = new Date()): string {
  return businessDay(at, unitTimeZone());
}

/** The same, for what a screen shows: it renders again when the zone changes in Settings. */
export function useUnitToday(): string {
  const timeZone = useSettings((s) => s.settings?.timeZone ?? DEFAULT_TIME_ZONE);
  return businessDay(new Date(), timeZone);
}
