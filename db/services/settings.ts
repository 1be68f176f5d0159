import type { z } from 'zod';
import type { SettingsPatch } from '../../shared/contract/settings';
import type { Settings } from '../../shared/contract/types';
import { DEFAULT_SETTINGS } from '../migrations/0002_seed_catalogue';
import type { ServiceContext } from '../context';
import { audit } from './audit';

export function getSettings(ctx: ServiceContext): { settings: Settings } {
  const rows = ctx.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  return { settings: { ...(DEFAULT_SETTINGS as Settings), ...stored } as Settings };
}

export function setSettings(ctx: ServiceContext, patch: z.output<typeof SettingsPatch>): { settings: Settings } {
  return ctx.db.transaction(() => {
    const before = getSettings(ctx).settings;
    const upsert = ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
    const after = getSettings(ctx).settings;
    audit(ctx, 'settings', null, 'update', before, after);
    return { settings: after };
  })();
}
